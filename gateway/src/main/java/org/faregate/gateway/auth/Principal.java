package org.faregate.gateway.auth;

import java.util.Objects;
import org.faregate.protocol.AccountId;

/** Who an authenticated request comes from: an operator with a role, or the rider of one account. */
public sealed interface Principal permits Principal.Operator, Principal.Rider {

    /** The name audit records and logs carry: {@code operator:<id>} or {@code rider:<accountId>}. */
    String actor();

    record Operator(String operatorId, Role role) implements Principal {
        public Operator {
            Objects.requireNonNull(operatorId, "operatorId");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String actor() {
            return "operator:" + operatorId;
        }
    }

    record Rider(AccountId account) implements Principal {
        public Rider {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public String actor() {
            return "rider:" + account;
        }
    }
}
