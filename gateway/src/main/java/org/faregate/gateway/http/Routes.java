package org.faregate.gateway.http;

import io.vertx.ext.web.Router;

/** A feature's HTTP routes: thin handlers that decode, call a plain-Java service and encode. */
public interface Routes {

    void register(Router router);
}
