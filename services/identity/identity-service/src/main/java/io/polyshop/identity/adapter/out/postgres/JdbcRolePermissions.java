package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.port.out.RolePermissions;
import io.polyshop.identity.domain.Role;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcRolePermissions implements RolePermissions {

    private final JdbcClient jdbc;

    public JdbcRolePermissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> grantedTo(Set<Role> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql("""
                        select distinct resource || ':' || action from role_permission where role_name in (:roles)
                        """)
                .param("roles", roles.stream().map(Role::name).toList())
                .query(String.class)
                .list());
    }
}
