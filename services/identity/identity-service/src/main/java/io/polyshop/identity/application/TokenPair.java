package io.polyshop.identity.application;

import java.time.Duration;

/** What a login or a refresh hands back. */
public record TokenPair(String accessToken, Duration accessTokenExpiresIn, String refreshToken) {}
