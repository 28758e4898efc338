package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.adapter.in.web.IdentityViews.UserView;
import io.polyshop.identity.application.PasswordChange;
import io.polyshop.identity.application.RegisterUser;
import io.polyshop.identity.application.Registration;
import io.polyshop.identity.application.RoleAdministration;
import io.polyshop.identity.domain.UserId;
import io.polyshop.platform.security.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening an account and looking after one's own. */
@RestController
@RequestMapping("/api/v1/identity/users")
class AccountController {

    private final Registration registration;
    private final PasswordChange passwordChange;
    private final RoleAdministration roles;

    AccountController(Registration registration, PasswordChange passwordChange, RoleAdministration roles) {
        this.registration = registration;
        this.passwordChange = passwordChange;
        this.roles = roles;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Registered as a customer")
    @ApiResponse(responseCode = "409", description = "That address is registered already")
    UserView register(@Valid @RequestBody IdentityRequests.Register request, HttpServletRequest http) {
        return UserView.of(registration.register(
                new RegisterUser(request.email(), request.password(), request.displayName(), http.getRemoteAddr())));
    }

    @GetMapping("/me")
    UserView me() {
        return UserView.of(roles.find(callerId()));
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody IdentityRequests.ChangePassword request) {
        passwordChange.change(callerId(), request.currentPassword(), request.newPassword());
    }

    private static UserId callerId() {
        return UserId.parse(Caller.current().orElseThrow().id());
    }
}
