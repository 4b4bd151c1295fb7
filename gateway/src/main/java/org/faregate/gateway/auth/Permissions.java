package org.faregate.gateway.auth;

import static org.faregate.gateway.auth.Role.AUDITOR;
import static org.faregate.gateway.auth.Role.FARES;
import static org.faregate.gateway.auth.Role.SUPPORT;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;
import org.faregate.protocol.AccountId;

/**
 * The one permission table: which method and route pattern each role (and an account's own rider) may call.
 * It guards {@code /v1/admin/**} and {@code /v1/accounts/**}, and fails closed: a guarded request that matches
 * no entry is refused {@code forbidden} whoever sends it, and a gateway whose router has a guarded route missing
 * here refuses to start ({@link #unlisted}). {@code admin} may call every listed route.
 */
public final class Permissions {

    /**
     * One entry. {@code pattern} is written as the router's ({@code :name} is one path segment); {@code open}
     * needs no token; {@code accountOwner} lets the rider token of the {@code :id} account in.
     */
    public record Rule(String method, String pattern, boolean open, boolean accountOwner, Set<Role> roles) {
        public Rule {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pattern, "pattern");
            roles = Set.copyOf(roles);
        }

        /** Whether {@code method path} (a normalized request path) is this entry's. */
        boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && matchesPath(path);
        }

        /** Whether the path (a normalized request path) is this entry's, whatever the method. */
        boolean matchesPath(String path) {
            return segmentsMatch(segments(pattern), segments(path));
        }

        /** The roles, sorted, for messages: {@code admin, support}. */
        String roleCodes() {
            return roles.stream().sorted().map(Role::code).collect(Collectors.joining(", "));
        }
    }

    /** A route as the router has it: method and pattern. */
    public record Endpoint(String method, String pattern) {
    }

    private static final String ADMIN_PREFIX = "/v1/admin";
    private static final String ACCOUNTS_PREFIX = "/v1/accounts";
    private static final String ACCOUNT_PARAM = ":id";

    private static final List<Rule> TABLE = List.of(
            open("POST", "/v1/accounts"),
            riderOr("GET", "/v1/accounts/:id", SUPPORT, AUDITOR),
            riderOr("GET", "/v1/accounts/:id/history", SUPPORT, AUDITOR),
            riderOr("POST", "/v1/accounts/:id/top-ups", SUPPORT),
            riderOr("POST", "/v1/accounts/:id/credentials", SUPPORT),

            operators("PUT", "/v1/admin/fare-rules", FARES),
            operators("GET", "/v1/admin/fare-rules", FARES, AUDITOR),
            operators("GET", "/v1/admin/fare-rules/versions", FARES, AUDITOR),
            operators("POST", "/v1/admin/deny", SUPPORT),
            operators("DELETE", "/v1/admin/deny/:credentialId", SUPPORT),
            operators("POST", "/v1/admin/accounts/:id/adjustments", SUPPORT),
            operators("POST", "/v1/admin/accounts/:id/refunds", SUPPORT),
            operators("POST", "/v1/admin/accounts/:id/rider-token", SUPPORT),
            operators("GET", "/v1/admin/reconciliation", AUDITOR),
            operators("GET", "/v1/admin/pricing", AUDITOR),
            operators("POST", "/v1/admin/gates"),
            operators("GET", "/v1/admin/gates", AUDITOR),
            operators("GET", "/v1/admin/gates/:gateId", AUDITOR),
            operators("POST", "/v1/admin/gates/:gateId/revoke"),
            operators("GET", "/v1/admin/issuer-keys", AUDITOR),
            operators("POST", "/v1/admin/issuer-keys"),
            operators("POST", "/v1/admin/issuer-keys/:keyId/retire"),
            operators("POST", "/v1/admin/operators"),
            operators("GET", "/v1/admin/operators"),
            operators("POST", "/v1/admin/operators/:id/revoke"));

    private Permissions() {
    }

    public static List<Rule> table() {
        return TABLE;
    }

    /** Whether the table guards {@code path}: the operator API and the rider account API. */
    public static boolean guards(String path) {
        return under(path, ADMIN_PREFIX) || under(path, ACCOUNTS_PREFIX);
    }

    /** The entry for a request, if the table has one. */
    public static Optional<Rule> find(String method, String path) {
        return TABLE.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /**
     * The entry for a guarded request, or a refusal: what the table does not list, nobody may call. A path
     * the table lists under other methods only is {@code method_not_allowed} (405, naming the methods it
     * takes, as the router answers for unguarded paths); any other is {@code forbidden}.
     */
    public static Rule ruleFor(String method, String path) {
        Optional<Rule> rule = find(method, path);
        if (rule.isPresent()) {
            return rule.get();
        }
        List<String> methods = TABLE.stream().filter(entry -> entry.matchesPath(path)).map(Rule::method).distinct()
                .sorted().toList();
        if (!methods.isEmpty()) {
            throw new RefusedException(Refusal.METHOD_NOT_ALLOWED, method + " is not allowed on " + path
                    + "; it takes " + String.join(", ", methods));
        }
        throw new RefusedException(Refusal.FORBIDDEN, method + " " + path
                + " is not in the permission table, so no token opens it");
    }

    /**
     * Lets {@code principal} call {@code path} under {@code rule} or throws {@code forbidden} saying what it
     * lacks. Only this method decides; it has no boolean twin to forget to check.
     */
    public static void authorize(Rule rule, String path, Principal principal) {
        String method = rule.method();
        if (rule.open()) {
            return;
        }
        if (principal instanceof Principal.Operator operator) {
            if (operator.role() == Role.ADMIN || rule.roles().contains(operator.role())) {
                return;
            }
            throw new RefusedException(Refusal.FORBIDDEN, "operator '" + operator.operatorId() + "' has role "
                    + operator.role().code() + "; " + method + " " + rule.pattern() + " needs one of: "
                    + needs(rule));
        }
        Principal.Rider rider = (Principal.Rider) principal;
        if (!rule.accountOwner()) {
            throw new RefusedException(Refusal.FORBIDDEN, "a rider token does not open " + method + " "
                    + rule.pattern() + "; it needs an operator token with one of: " + needs(rule));
        }
        Optional<AccountId> account = accountIn(rule.pattern(), path);
        if (account.isEmpty() || !account.get().equals(rider.account())) {
            throw new RefusedException(Refusal.FORBIDDEN, "this rider token opens account " + rider.account()
                    + " only, not " + path);
        }
    }

    /** The guarded routes of a router that have no entry here: a gateway with any must not start. */
    public static List<Endpoint> unlisted(Collection<Endpoint> routes) {
        return routes.stream()
                .filter(route -> guards(route.pattern()))
                .filter(route -> TABLE.stream().noneMatch(rule -> rule.method().equals(route.method())
                        && shape(rule.pattern()).equals(shape(route.pattern()))))
                .toList();
    }

    private static String needs(Rule rule) {
        String roles = rule.roleCodes();
        return roles.isEmpty() ? "admin" : "admin, " + roles;
    }

    private static Optional<AccountId> accountIn(String pattern, String path) {
        String[] names = segments(pattern);
        String[] values = segments(path);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(ACCOUNT_PARAM)) {
                try {
                    return Optional.of(AccountId.parse(values[i]));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A pattern with its parameter names dropped: {@code /v1/admin/gates/:} for {@code /v1/admin/gates/:gateId}. */
    private static String shape(String pattern) {
        return Arrays.stream(segments(pattern)).map(segment -> segment.startsWith(":") ? ":" : segment)
                .collect(Collectors.joining("/", "/", ""));
    }

    private static String[] segments(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.startsWith("/") ? 1 : 0).split("/", -1);
    }

    private static boolean segmentsMatch(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean parameter = pattern[i].startsWith(":") && !path[i].isEmpty();
            if (!parameter && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static Rule open(String method, String pattern) {
        return new Rule(method, pattern, true, false, Set.of());
    }

    private static Rule riderOr(String method, String pattern, Role... roles) {
        return new Rule(method, pattern, false, true, Set.of(roles));
    }

    private static Rule operators(String method, String pattern, Role... roles) {
        return new Rule(method, pattern, false, false, Set.of(roles));
    }
}
