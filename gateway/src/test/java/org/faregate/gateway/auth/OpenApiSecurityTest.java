package org.faregate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The roles openapi.yaml documents for each guarded operation are the permission table's. */
class OpenApiSecurityTest {

    /** {@code "GET /v1/admin/gates/{gateId}"} to the roles of its {@code x-faregate-roles} line. */
    private static Map<String, Set<String>> documentedRoles() throws IOException {
        String yaml;
        try (InputStream in = OpenApiSecurityTest.class.getResourceAsStream("/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        String path = null;
        String method = null;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("  /")) {
                path = line.strip().replace(":", "");
            } else if (line.matches("    (get|post|put|delete):")) {
                method = line.strip().replace(":", "").toUpperCase(java.util.Locale.ROOT);
            } else if (line.startsWith("      x-faregate-roles: [")) {
                String list = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                roles.put(method + " " + path, Arrays.stream(list.split(",")).map(String::strip)
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return roles;
    }

    private static Set<String> tableRoles(Permissions.Rule rule) {
        Set<String> roles = rule.roles().stream().map(Role::code).collect(Collectors.toCollection(TreeSet::new));
        roles.add(Role.ADMIN.code());
        if (rule.accountOwner()) {
            roles.add("rider");
        }
        return roles;
    }

    @Test
    void everyDocumentedGuardedOperationListsTheRolesTheTableGrants() throws IOException {
        Map<String, Set<String>> documented = documentedRoles();

        assertThat(documented).hasSizeGreaterThanOrEqualTo(20);
        for (Map.Entry<String, Set<String>> operation : documented.entrySet()) {
            String[] methodAndPath = operation.getKey().split(" ");
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "1");
            Permissions.Rule rule = Permissions.find(methodAndPath[0], path).orElseThrow(
                    () -> new AssertionError(operation.getKey() + " is documented but not in the permission table"));
            assertThat(operation.getValue()).as(operation.getKey()).isEqualTo(tableRoles(rule));
        }
    }
}
