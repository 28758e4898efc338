package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.adapter.in.web.IdentityResponses.Tokens;
import io.polyshop.identity.application.Authentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Logging in, refreshing and logging out. */
@RestController
@RequestMapping("/api/v1/identity/tokens")
class TokenController {

    private final Authentication authentication;

    TokenController(Authentication authentication) {
        this.authentication = authentication;
    }

    @PostMapping
    Tokens logIn(@Valid @RequestBody IdentityRequests.LogIn request, HttpServletRequest http) {
        return Tokens.of(authentication.logIn(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    Tokens refresh(@Valid @RequestBody IdentityRequests.Refresh request) {
        return Tokens.of(authentication.refresh(request.refreshToken()));
    }

    @PostMapping("/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@Valid @RequestBody IdentityRequests.Refresh request) {
        authentication.logOut(request.refreshToken());
    }
}
