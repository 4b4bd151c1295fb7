package org.faregate.gateway;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one gateway node until the process is stopped.
 * {@code java -jar gateway/target/faregate-gateway.jar [gateway.properties]}; see {@link GatewayProperties}.
 */
public final class GatewayMain {

    static {
        // Library chatter at WARN unless the operator asks otherwise (-Dorg.slf4j.simpleLogger.log.<name>=info).
        quietByDefault("com.hazelcast");
        quietByDefault("com.zaxxer.hikari");
    }

    private static final Logger logger = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 1) {
            System.err.println("usage: java -jar faregate-gateway.jar [gateway.properties]");
            System.exit(2);
        }
        GatewayConfig config = GatewayProperties.read(args.length == 1 ? Path.of(args[0]) : null, System.getProperties(),
                System.getenv());
        Gateway gateway = Gateway.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            logger.info("Shutting down");
            gateway.close();
            stopped.countDown();
        }, "faregate-shutdown"));
        logger.info("Gateway serving at {} (OpenAPI at {}/openapi.yaml)", gateway.baseUri(), gateway.baseUri());
        stopped.await();
    }

    private static void quietByDefault(String loggerName) {
        String key = "org.slf4j.simpleLogger.log." + loggerName;
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }
}
