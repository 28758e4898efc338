package io.polyshop.payment.adapter.in.web;

import io.polyshop.payment.adapter.in.web.PaymentViews.PaymentList;
import io.polyshop.payment.adapter.in.web.PaymentViews.PaymentView;
import io.polyshop.payment.application.PaymentQueries;
import io.polyshop.payment.application.PaymentQueries.PaymentRecord;
import io.polyshop.payment.application.UnknownPaymentException;
import io.polyshop.payment.domain.InvalidPaymentException;
import io.polyshop.payment.domain.PaymentId;
import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.OwnedResource;
import io.polyshop.platform.security.Ownership;
import io.polyshop.platform.security.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments as their customer (and staff) see them. Payments are made by the checkout saga over
 * Kafka, never over HTTP; a payment of another customer answers 404 like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private static final int ORDER_ID_LENGTH = 64;

    private final PaymentQueries payments;

    PaymentController(PaymentQueries payments) {
        this.payments = payments;
    }

    @GetMapping("/{paymentId}")
    PaymentView payment(@PathVariable String paymentId) {
        PaymentId id = new PaymentId(paymentId);
        PaymentRecord record = payments.payment(id);
        if (record.payment().customerId() == null) {
            // A payment voided before it existed belongs to no one a customer could be.
            if (!isStaff()) {
                throw new UnknownPaymentException(id);
            }
            return PaymentViews.detailed(record, true);
        }
        Ownership.requireReader(OwnedResource.PAYMENT, record.payment().customerId(), paymentId);
        return PaymentViews.detailed(record, isStaff());
    }

    @GetMapping
    PaymentList forOrder(@RequestParam String orderId) {
        if (orderId.isBlank() || orderId.length() > ORDER_ID_LENGTH) {
            throw new InvalidPaymentException("orderId", "must be 1 to " + ORDER_ID_LENGTH + " characters");
        }
        boolean staff = isStaff();
        String caller = Caller.current().map(Caller::id).orElse("");
        return new PaymentList(payments.forOrder(orderId).stream()
                .filter(payment -> staff || caller.equals(payment.customerId()))
                .map(payment -> PaymentViews.summary(payment, staff))
                .toList());
    }

    /** Staff see every payment of an order, and the provider's details. */
    private static boolean isStaff() {
        return Caller.current()
                .map(caller -> caller.can(Permission.PAYMENT_READ_ANY))
                .orElse(false);
    }
}
