package io.polyshop.payment.api;

/** Take the authorized amount. A repeat captures nothing more and gets the same answer. */
public record CapturePayment(String paymentId, String replyTo) {}
