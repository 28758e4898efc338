package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.adapter.in.web.IdentityViews.Tokens;
import io.polyshop.identity.application.Authentication;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token")
    @ApiResponse(responseCode = "401", description = "No account with that address and password")
    Tokens logIn(@Valid @RequestBody IdentityRequests.LogIn request, HttpServletRequest http) {
        return Tokens.of(authentication.logIn(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    @ApiResponse(responseCode = "200", description = "A new access token and a new refresh token")
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, used, revoked or expired")
    Tokens refresh(@Valid @RequestBody IdentityRequests.Refresh request) {
        return Tokens.of(authentication.refresh(request.refreshToken()));
    }

    @PostMapping("/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@Valid @RequestBody IdentityRequests.Refresh request) {
        authentication.logOut(request.refreshToken());
    }
}
