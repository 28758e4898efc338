package io.polyshop.identity.adapter.out.postgres;

import io.polyshop.identity.application.EmailAlreadyRegisteredException;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import io.polyshop.identity.domain.UserId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcUsers implements Users {

    private final JdbcClient jdbc;

    public JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> byEmail(EmailAddress email) {
        return jdbc.sql("select id from app_user where email_key = ?")
                .param(email.key())
                .query(UUID.class)
                .optional()
                .flatMap(id -> byId(new UserId(id)));
    }

    @Override
    public Optional<User> byId(UserId id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role_name from user_role where user_id = ?")
                .param(id.value())
                .query(String.class)
                .list()
                .forEach(role -> roles.add(Role.valueOf(role)));
        return jdbc.sql("select id, email, display_name, password_hash, token_version from app_user where id = ?")
                .param(id.value())
                .query((row, n) -> new User(
                        new UserId(row.getObject("id", UUID.class)),
                        new EmailAddress(row.getString("email")),
                        row.getString("display_name"),
                        row.getString("password_hash"),
                        roles,
                        row.getLong("token_version")))
                .optional();
    }

    @Override
    public void add(User user) {
        try {
            jdbc.sql("""
                            insert into app_user (id, email, email_key, password_hash, display_name)
                            values (:id, :email, :key, :hash, :name)
                            """)
                    .param("id", user.id().value())
                    .param("email", user.email().value())
                    .param("key", user.email().key())
                    .param("hash", user.passwordHash())
                    .param("name", user.displayName())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyRegisteredException();
        }
        writeRoles(user);
    }

    @Override
    public void update(User user) {
        jdbc.sql("update app_user set password_hash = ?, token_version = ? where id = ?")
                .params(user.passwordHash(), user.tokenVersion(), user.id().value())
                .update();
        jdbc.sql("delete from user_role where user_id = ?")
                .param(user.id().value())
                .update();
        writeRoles(user);
    }

    private void writeRoles(User user) {
        for (Role role : user.roles()) {
            jdbc.sql("insert into user_role (user_id, role_name) values (?, ?)")
                    .params(user.id().value(), role.name())
                    .update();
        }
    }
}
