package io.polyshop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.TestTokens;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void signsTestTokensWithTheSameGrantsAsTheRoles() {
        for (Role role : Role.values()) {
            assertThat(Set.copyOf(TestTokens.PERMISSIONS_OF_ROLE.get(role.name())))
                    .as(role.name())
                    .isEqualTo(role.permissions().stream()
                            .map(Permission::authority)
                            .collect(Collectors.toSet()));
        }
    }

    @Test
    void keepsSupportReadOnly() {
        assertThat(Role.SUPPORT.permissions())
                .allSatisfy(permission -> assertThat(permission.action()).isEqualTo("read-any"));
    }
}
