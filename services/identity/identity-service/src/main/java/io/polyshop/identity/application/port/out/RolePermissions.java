package io.polyshop.identity.application.port.out;

import io.polyshop.identity.domain.Role;
import java.util.Set;

/** What roles allow, from the role table: the {@code resource:action} permissions a token carries. */
public interface RolePermissions {

    Set<String> grantedTo(Set<Role> roles);
}
