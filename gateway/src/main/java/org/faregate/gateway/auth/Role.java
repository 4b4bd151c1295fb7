package org.faregate.gateway.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an operator may do; {@link Permissions} says which routes each role opens. One role per operator. */
public enum Role {
    /** Everything listed in the permission table, including operators, issuer keys and gates. */
    ADMIN,
    /** Fare-rule uploads and reads. */
    FARES,
    /** Deny and undeny credentials; read, top up and correct any rider account. */
    SUPPORT,
    /** Read-only: reconciliation, gates, fare rules, issuer keys, any account's view and history. */
    AUDITOR;

    /** The role's name on the wire and in the database: {@code admin}, {@code fares}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> find(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    /** {@code admin, fares, support, auditor}, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}
