package io.polyshop.identity.adapter.in.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies identity's endpoints accept, validated at the edge. */
final class IdentityRequests {

    private IdentityRequests() {}

    record Register(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 128) String password,
            @NotBlank @Size(max = 100) String displayName) {}

    record LogIn(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    record ChangePassword(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword) {}
}
