package io.polyshop.platform.domain;

/** One thing wrong with an input: which field, and why. */
public record Violation(String field, String message) {}
