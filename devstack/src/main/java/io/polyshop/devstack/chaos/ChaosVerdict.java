package io.polyshop.devstack.chaos;

import io.polyshop.devstack.bench.JsonHttp;
import io.polyshop.devstack.chaos.ChaosPlatform.Customer;
import io.polyshop.devstack.chaos.ChaosPlatform.Mail;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a chaos run must leave behind, checked over everything it placed, phase by phase:
 *
 * <ul>
 *   <li>every accepted order ends CONFIRMED, REJECTED or CANCELLED (none stuck);
 *   <li>a confirmed order has exactly one capture; a rejected or cancelled one has no money left
 *       with the shop (voided, declined, refunded, or never authorized);
 *   <li>stock is conserved per SKU: what it was stocked with is what is on hand plus what the
 *       confirmed orders took, nothing is oversold, and no reservation is left open;
 *   <li>an {@code Idempotency-Key} never made two orders: a repeat answered the same order, and a
 *       customer has no order the shoppers were not told about (beyond keys that never got an answer);
 *   <li>each confirmed order got exactly one confirmation e-mail (copies with the same Message-ID,
 *       which SMTP's at-least-once hand-over may make, count once and are reported).
 * </ul>
 */
public final class ChaosVerdict {

    private static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED");

    /** One phase's line of the report. */
    public record Row(
            String fault,
            long placed,
            long confirmed,
            long rejected,
            long cancelled,
            long stuck,
            long doubleCaptures,
            long oversoldUnits,
            long lostEmails,
            long duplicateOrders,
            List<String> violations,
            String notes) {

        boolean holds() {
            return violations.isEmpty();
        }
    }

    private final ChaosPlatform platform;
    private final ChaosLedger ledger;
    private final Map<String, List<String>> skusByPhase;
    private final Map<String, Instant[]> windows;
    private final long stocked;
    private final Map<String, String> statuses = new HashMap<>();
    private final Map<String, JsonNode> listed = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    ChaosVerdict(
            ChaosPlatform platform,
            ChaosLedger ledger,
            Map<String, List<String>> skusByPhase,
            Map<String, Instant[]> windows,
            long stocked) {
        this.platform = platform;
        this.ledger = ledger;
        this.skusByPhase = skusByPhase;
        this.windows = windows;
        this.stocked = stocked;
    }

    /**
     * Waits until every accepted order has ended and every confirmed one was mailed, or
     * {@code limit} passed; an order still running then is stuck, a confirmation not sent is lost.
     */
    void settle(Duration limit, Consumer<String> progress) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        while (true) {
            readOrders();
            long open = ledger.placed().stream()
                    .filter(order -> !FINAL.contains(statuses.get(order.orderId())))
                    .count();
            long unmailed = open > 0 ? 0 : unmailedConfirmations();
            if (open + unmailed == 0 || !Instant.now().isBefore(giveUp)) {
                return;
            }
            progress.accept(
                    open > 0
                            ? "  " + open + " order(s) still running"
                            : "  " + unmailed + " confirmation e-mail(s) not sent yet");
            Thread.sleep(Duration.ofSeconds(5));
        }
    }

    private long unmailedConfirmations() {
        Map<String, List<Mail>> mails = new HashMap<>();
        return ledger.placed().stream()
                .filter(order -> "CONFIRMED".equals(statuses.get(order.orderId())))
                .filter(order -> confirmationsOf(order, mails).isEmpty())
                .count();
    }

    /** The Message-IDs of the confirmation e-mails {@code order}'s customer received, one per copy. */
    private List<String> confirmationsOf(PlacedOrder order, Map<String, List<Mail>> mails) {
        String subject = "Your order " + order.orderId() + " is confirmed";
        return mails.computeIfAbsent(order.customer().email(), platform::mailsTo).stream()
                .filter(mail -> mail.subject().equals(subject))
                .map(Mail::messageId)
                .toList();
    }

    /** Every customer's orders as the order service lists them, with their status. */
    private void readOrders() throws IOException, InterruptedException {
        URI orders = platform.service("order").resolve("/api/v1/orders");
        Set<Customer> customers =
                ledger.placed().stream().map(PlacedOrder::customer).collect(Collectors.toSet());
        ledger.unanswered().forEach(unanswered -> customers.add(unanswered.customer()));
        for (Customer customer : customers) {
            JsonHttp http = new JsonHttp(customer.token());
            for (int page = 0; ; page++) {
                JsonHttp.Response answer = http.send("GET", URI.create(orders + "?size=100&page=" + page), null);
                if (answer.status() != 200) {
                    throw new IllegalStateException(
                            "listing orders answered " + answer.status() + ": " + answer.body());
                }
                JsonNode body = answer.json();
                for (JsonNode order : body.get("orders")) {
                    String id = order.get("orderId").asString();
                    statuses.put(id, order.get("status").asString());
                    listed.put(id, ((ObjectNode) order).put("customerId", customer.id()));
                }
                if (!body.get("more").asBoolean()) {
                    break;
                }
            }
        }
    }

    void check() throws IOException, InterruptedException {
        Map<String, List<Mail>> mails = new HashMap<>();
        for (String phase : skusByPhase.keySet()) {
            rows.add(checkPhase(phase, mails));
        }
    }

    private Row checkPhase(String phase, Map<String, List<Mail>> mails) throws IOException, InterruptedException {
        List<PlacedOrder> placed = ledger.placed().stream()
                .filter(order -> order.phase().equals(phase))
                .toList();
        List<String> violations = new ArrayList<>();
        long confirmed = 0;
        long rejected = 0;
        long cancelled = 0;
        long stuck = 0;
        long doubleCaptures = 0;
        long lostEmails = 0;
        long copies = 0;
        long duplicateOrders = 0;
        Map<String, Long> confirmedUnits = new HashMap<>();
        Map<String, Long> rejections = new java.util.TreeMap<>();
        for (PlacedOrder order : placed) {
            String status = statuses.getOrDefault(order.orderId(), "MISSING");
            switch (status) {
                case "CONFIRMED" -> {
                    confirmed++;
                    order.units().forEach((sku, units) -> confirmedUnits.merge(sku, (long) units, Long::sum));
                }
                case "REJECTED" -> {
                    rejected++;
                    rejections.merge(rejectionOf(order), 1L, Long::sum);
                }
                case "CANCELLED" -> cancelled++;
                default -> {
                    stuck++;
                    violations.add("order " + order.orderId() + " is " + status);
                }
            }
            String money = moneyProblem(order, status);
            if (money != null) {
                doubleCaptures++;
                violations.add("order " + order.orderId() + " (" + status + ", " + order.card() + "): " + money);
            }
            if (order.replayDifference() != null) {
                duplicateOrders++;
                violations.add("a repeat of key " + order.key() + " (order " + order.orderId() + ") answered "
                        + order.replayDifference());
            }
            if (status.equals("CONFIRMED")) {
                List<String> received = confirmationsOf(order, mails);
                Set<String> messages = new HashSet<>(received);
                copies += received.size() - messages.size();
                if (messages.size() != 1) {
                    lostEmails += messages.isEmpty() ? 1 : 0;
                    violations.add("order " + order.orderId() + " got " + messages.size() + " confirmation e-mails");
                }
            }
        }
        duplicateOrders += unexpectedOrders(phase, violations);
        long oversold = 0;
        JsonHttp operator = new JsonHttp(platform.operatorToken());
        for (String sku : skusByPhase.get(phase)) {
            JsonNode stock =
                    operator.required("GET", platform.service("inventory").resolve("/api/v1/admin/stock/" + sku), null);
            long onHand = stock.get("onHand").asLong();
            long reserved = stock.get("reserved").asLong();
            long sold = confirmedUnits.getOrDefault(sku, 0L);
            oversold += Math.max(0, sold - stocked);
            if (onHand + sold != stocked || reserved != 0 || onHand < 0) {
                violations.add(String.format(
                        Locale.ROOT,
                        "%s: stocked %d, %d on hand, %d reserved, %d sold to confirmed orders",
                        sku,
                        stocked,
                        onHand,
                        reserved,
                        sold));
            }
        }
        return new Row(
                phase,
                placed.size(),
                confirmed,
                rejected,
                cancelled,
                stuck,
                doubleCaptures,
                oversold,
                lostEmails,
                duplicateOrders,
                violations,
                notes(phase, copies, rejections));
    }

    /** The reason the customer was given, shortened to what kind of reason it is. */
    private String rejectionOf(PlacedOrder order) throws IOException, InterruptedException {
        JsonHttp.Response answer = new JsonHttp(order.customer().token())
                .send("GET", platform.service("order").resolve("/api/v1/orders/" + order.orderId()), null);
        if (answer.status() != 200) {
            return "unknown";
        }
        String reason = answer.json()
                .get("history")
                .get(answer.json().get("history").size() - 1)
                .get("reason")
                .asString();
        int shortened = reason.indexOf(':');
        return (shortened > 0 ? reason.substring(0, shortened) : reason).strip();
    }

    /**
     * What is wrong with the order's money, or null: a confirmed order has its payment captured
     * exactly once; any other has nothing captured it was not refunded, and no authorization left open.
     */
    private String moneyProblem(PlacedOrder order, String status) throws IOException, InterruptedException {
        JsonHttp http = new JsonHttp(order.customer().token());
        JsonHttp.Response answer =
                http.send("GET", platform.service("payment").resolve("/api/v1/payments/" + order.orderId()), null);
        if (answer.status() == 404) {
            return status.equals("CONFIRMED") ? "confirmed without a payment" : null;
        }
        if (answer.status() != 200) {
            return "the payment answered " + answer.status();
        }
        JsonNode payment = answer.json();
        Map<String, Long> kinds = new HashMap<>();
        payment.get("ledger").forEach(entry -> kinds.merge(entry.get("kind").asString(), 1L, Long::sum));
        long captures = kinds.getOrDefault("CAPTURE", 0L);
        long refunds = kinds.getOrDefault("REFUND", 0L);
        String paymentStatus = payment.get("status").asString();
        if (status.equals("CONFIRMED")) {
            return captures == 1 && refunds == 0 && paymentStatus.equals("CAPTURED")
                    ? null
                    : "payment " + paymentStatus + " with " + captures + " capture(s), " + refunds + " refund(s)";
        }
        boolean leftStanding = Set.of("AUTHORIZING", "AUTHORIZED", "CAPTURED").contains(paymentStatus);
        return captures - refunds == 0 && !leftStanding
                ? null
                : "payment " + paymentStatus + " with " + captures + " capture(s), " + refunds + " refund(s)";
    }

    /**
     * Orders a customer has that no answer named, placed during the phase: one per key that never
     * got an answer is possible (the order may have been made before the answer was lost); more are
     * orders made twice.
     */
    private long unexpectedOrders(String phase, List<String> violations) {
        Instant[] window = windows.get(phase);
        Set<String> answered =
                ledger.placed().stream().map(PlacedOrder::orderId).collect(Collectors.toSet());
        Map<String, Long> unexpectedByCustomer = new LinkedHashMap<>();
        listed.forEach((id, order) -> {
            Instant placedAt = Instant.parse(order.get("placedAt").asString());
            if (!answered.contains(id) && !placedAt.isBefore(window[0]) && placedAt.isBefore(window[1])) {
                unexpectedByCustomer.merge(order.get("customerId").asString(), 1L, Long::sum);
            }
        });
        long duplicates = 0;
        for (Map.Entry<String, Long> customer : unexpectedByCustomer.entrySet()) {
            long unanswered = ledger.unanswered().stream()
                    .filter(key ->
                            key.phase().equals(phase) && key.customer().id().equals(customer.getKey()))
                    .count();
            if (customer.getValue() > unanswered) {
                duplicates += customer.getValue() - unanswered;
                violations.add("customer " + customer.getKey() + " has " + customer.getValue()
                        + " order(s) no answer named, with " + unanswered + " key(s) unanswered");
            }
        }
        return duplicates;
    }

    private String notes(String phase, long copies, Map<String, Long> rejections) {
        List<String> notes = new ArrayList<>();
        if (!rejections.isEmpty()) {
            notes.add("rejected because: " + rejections);
        }
        Map<String, Long> retries = ledger.retriesIn(phase);
        if (!retries.isEmpty()) {
            notes.add("retried: " + retries);
        }
        Map<String, Long> refusals = ledger.refusalsIn(phase);
        if (!refusals.isEmpty()) {
            notes.add("refused: " + refusals);
        }
        List<String> unanswered = ledger.unanswered().stream()
                .filter(key -> key.phase().equals(phase))
                .map(ChaosLedger.Unanswered::key)
                .toList();
        if (!unanswered.isEmpty()) {
            notes.add("keys never answered: " + unanswered);
        }
        if (copies > 0) {
            notes.add(copies + " e-mail(s) handed to SMTP twice under one Message-ID");
        }
        return String.join("; ", notes);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Whether every invariant held in every phase. */
    public boolean holds() {
        return rows.stream().allMatch(Row::holds);
    }

    /** The report's table and, under it, every violation and note. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        String format = "%-28s %7s %9s %8s %9s %6s %7s %8s %6s %6s";
        lines.add(String.format(
                Locale.ROOT,
                format,
                "fault",
                "placed",
                "confirmed",
                "rejected",
                "cancelled",
                "stuck",
                "double",
                "oversold",
                "lost",
                "dup."));
        lines.add(String.format(
                Locale.ROOT, format, "", "orders", "", "", "", "", "capture", "units", "e-mail", "orders"));
        long[] totals = new long[9];
        for (Row row : rows) {
            long[] values = {
                row.placed(),
                row.confirmed(),
                row.rejected(),
                row.cancelled(),
                row.stuck(),
                row.doubleCaptures(),
                row.oversoldUnits(),
                row.lostEmails(),
                row.duplicateOrders()
            };
            for (int i = 0; i < values.length; i++) {
                totals[i] += values[i];
            }
            lines.add(line(format, row.fault(), values));
        }
        lines.add(line(format, "all faults", totals));
        lines.add("");
        lines.add(holds() ? "every invariant held" : "INVARIANTS VIOLATED:");
        for (Row row : rows) {
            row.violations().forEach(violation -> lines.add("  " + row.fault() + ": " + violation));
        }
        for (Row row : rows) {
            if (!row.notes().isEmpty()) {
                lines.add("  " + row.fault() + ": " + row.notes());
            }
        }
        return lines;
    }

    private static String line(String format, String fault, long[] values) {
        Object[] cells = new Object[values.length + 1];
        cells[0] = fault;
        for (int i = 0; i < values.length; i++) {
            cells[i + 1] = Long.toString(values[i]);
        }
        return String.format(Locale.ROOT, format, cells);
    }
}
