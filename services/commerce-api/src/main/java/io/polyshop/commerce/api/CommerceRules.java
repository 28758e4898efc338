package io.polyshop.commerce.api;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The rules every service applies to what a shopper sends, in one place: a cart, an order and a
 * stock reservation accept the same SKUs, lines and quantities, and an order accepts only totals
 * payment can charge. So the first service that sees a request refuses what a later one would,
 * with 400 and the limit, instead of a later one dead-lettering it while the customer waits.
 */
public final class CommerceRules {

    /** What catalog assigns: upper-case letters, digits and dashes. */
    public static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");

    public static final String SKU_RULE = "must be 3-64 upper-case letters, digits or dashes";

    /**
     * Lines in one cart, order or reservation: one reservation is one DynamoDB transaction, which
     * holds 100 items, two per line (the stock and its hold) with room for the outbox.
     */
    public static final int MAX_LINES = 40;

    public static final String MAX_LINES_RULE = "must be at most " + MAX_LINES + " lines";

    /** Units of one product in one line. */
    public static final int MAX_QUANTITY = 999;

    public static final String QUANTITY_RULE = "must be between 1 and " + MAX_QUANTITY;

    /** Every amount (a price, an order's total, a payment) is below this. */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000");

    public static final String AMOUNT_RULE = "must be below " + AMOUNT_LIMIT.toPlainString();

    /** A payment provider's card token, e.g. {@code tok_visa}; the card itself never reaches us. */
    public static final Pattern PAYMENT_TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,64}");

    public static final String PAYMENT_TOKEN_RULE = "must be a payment provider token such as tok_visa";

    private CommerceRules() {}

    public static boolean isSku(String value) {
        return value != null && SKU.matcher(value).matches();
    }

    public static boolean isQuantity(long quantity) {
        return quantity >= 1 && quantity <= MAX_QUANTITY;
    }

    public static boolean isAmount(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.compareTo(AMOUNT_LIMIT) < 0;
    }

    public static boolean isPaymentToken(String value) {
        return value != null && PAYMENT_TOKEN.matcher(value).matches();
    }
}
