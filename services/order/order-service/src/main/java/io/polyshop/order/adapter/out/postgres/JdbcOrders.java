package io.polyshop.order.adapter.out.postgres;

import io.polyshop.order.application.ResultPage;
import io.polyshop.order.application.port.out.Orders;
import io.polyshop.order.domain.CommandId;
import io.polyshop.order.domain.Money;
import io.polyshop.order.domain.Order;
import io.polyshop.order.domain.OrderId;
import io.polyshop.order.domain.OrderLine;
import io.polyshop.order.domain.OrderStatus;
import io.polyshop.order.domain.PlaceOrderSaga;
import io.polyshop.order.domain.PlaceOrderSaga.LogEntry;
import io.polyshop.order.domain.SagaCommand;
import io.polyshop.order.domain.ShippingAddress;
import io.polyshop.order.domain.Sku;
import io.polyshop.order.domain.StatusChange;
import io.polyshop.order.domain.Totals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders in PostgreSQL: one row per order, its lines, history and saga log as JSON documents. The
 * saga's clocks are started from the outbox in the same database ({@code polyshop_messaging}),
 * which records when each command was published.
 */
public class JdbcOrders implements Orders {

    private static final String COLUMNS = """
            order_id, customer_id, from_cart, status, currency, subtotal, shipping, tax, grand_total,
            shipping_address, lines, history, saga_phase, saga_step, saga_compensations, saga_ending,
            saga_reason, saga_command, saga_wait_ms, saga_deadline, saga_attempts, saga_log, payment_method,
            placed_at, version""";

    /** A line as stored. */
    record StoredLine(String sku, String productId, String name, int quantity, BigDecimal unitPrice) {}

    /** A history entry as stored. */
    record StoredChange(String status, String reason, Instant at) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcOrders(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(Order order) {
        jdbc.sql("""
                        insert into customer_order (
                            order_id, customer_id, from_cart, status, currency, subtotal, shipping, tax, grand_total,
                            shipping_address, lines, history, saga_phase, saga_step, saga_compensations, saga_ending,
                            saga_reason, saga_command, saga_wait_ms, saga_deadline, saga_attempts, saga_log,
                            payment_method, placed_at, version)
                        values (
                            :id, :customerId, :fromCart, :status, :currency, :subtotal, :shipping, :tax, :grandTotal,
                            cast(:address as jsonb), cast(:lines as jsonb), cast(:history as jsonb), :phase, :step,
                            cast(:compensations as jsonb), :ending, :reason, :command, :waitMs, :deadline, :attempts,
                            cast(:log as jsonb), :paymentMethod, :placedAt, 0)
                        """)
                .paramSource(changing(order)
                        .addValue("customerId", order.customerId())
                        .addValue("fromCart", order.fromCart())
                        .addValue(
                                "currency",
                                order.totals().grandTotal().currency().getCurrencyCode())
                        .addValue("subtotal", order.totals().subtotal().amount())
                        .addValue("shipping", order.totals().shipping().amount())
                        .addValue("tax", order.totals().tax().amount())
                        .addValue("grandTotal", order.totals().grandTotal().amount())
                        .addValue("address", json.writeValueAsString(order.address()))
                        .addValue("lines", json.writeValueAsString(storedLines(order)))
                        .addValue("placedAt", Timestamp.from(order.placedAt())))
                .update();
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return jdbc.sql("select " + COLUMNS + " from customer_order where order_id = :id")
                .param("id", id.value())
                .query(this::order)
                .optional();
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        return jdbc.sql("select " + COLUMNS + " from customer_order where order_id = :id for update")
                .param("id", id.value())
                .query(this::order)
                .optional();
    }

    @Override
    public void update(Order order) {
        int updated = jdbc.sql("""
                        update customer_order
                           set status = :status, history = cast(:history as jsonb), saga_phase = :phase,
                               saga_step = :step, saga_compensations = cast(:compensations as jsonb),
                               saga_ending = :ending, saga_reason = :reason, saga_command = :command,
                               saga_wait_ms = :waitMs, saga_deadline = :deadline,
                               saga_attempts = :attempts, saga_log = cast(:log as jsonb),
                               payment_method = :paymentMethod, version = version + 1
                         where order_id = :id and version = :version
                        """)
                .paramSource(changing(order).addValue("version", order.version()))
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("order " + order.id() + " changed since it was read");
        }
    }

    @Override
    public ResultPage ofCustomer(String customerId, int page, int size) {
        List<Order> rows = jdbc.sql("select " + COLUMNS + """
                         from customer_order where customer_id = :customerId
                        order by placed_at desc, order_id limit :limit offset :offset
                        """)
                .param("customerId", customerId)
                .param("limit", size + 1)
                .param("offset", (long) page * size)
                .query(this::order)
                .list();
        boolean more = rows.size() > size;
        return new ResultPage(more ? rows.subList(0, size) : rows, more);
    }

    @Override
    public int startClocks() {
        return jdbc.sql("""
                        update customer_order o
                           set saga_deadline = coalesce(e.published_at, e.parked_at) + o.saga_wait_ms * interval '1 millisecond'
                          from polyshop_messaging.outbox_event e
                         where o.saga_deadline is null and o.saga_command is not null
                           and e.event_id = o.saga_command
                           and (e.published_at is not null or e.parked_at is not null)
                        """).update();
    }

    @Override
    public Optional<Instant> sweptAt(Instant now) {
        return jdbc.sql("""
                        update saga_timer t set swept_at = greatest(t.swept_at, :now)
                          from (select swept_at from saga_timer where id = 1 for update) before
                         where t.id = 1
                        returning before.swept_at
                        """)
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    @Override
    public int moveClocksOn(Duration gap) {
        return jdbc.sql("""
                        update customer_order set saga_deadline = saga_deadline + :gapMs * interval '1 millisecond'
                         where saga_deadline is not null
                        """).param("gapMs", gap.toMillis()).update();
    }

    @Override
    public void postpone(OrderId id, Instant until) {
        jdbc.sql("update customer_order set saga_deadline = :until where order_id = :id and saga_deadline is not null")
                .param("until", Timestamp.from(until))
                .param("id", id.value())
                .update();
    }

    @Override
    public List<Order> needingAttention(int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from customer_order where saga_phase = 'NEEDS_ATTENTION' order by placed_at limit :limit")
                .param("limit", limit)
                .query(this::order)
                .list();
    }

    @Override
    public long countNeedingAttention() {
        return jdbc.sql("select count(*) from customer_order where saga_phase = 'NEEDS_ATTENTION'")
                .query(Long.class)
                .single();
    }

    @Override
    public List<OrderId> overdue(Instant now, int limit) {
        return jdbc.sql("""
                        select order_id from customer_order
                         where saga_deadline is not null and saga_deadline <= :now
                         order by saga_deadline limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((row, number) -> new OrderId(row.getObject("order_id", UUID.class)))
                .list();
    }

    /** The order's id and the columns every change of an order may touch. */
    private MapSqlParameterSource changing(Order order) {
        PlaceOrderSaga saga = order.saga();
        return new MapSqlParameterSource()
                .addValue("id", order.id().value())
                .addValue("status", order.status().name())
                .addValue(
                        "history",
                        json.writeValueAsString(order.history().stream()
                                .map(change -> new StoredChange(change.status().name(), change.reason(), change.at()))
                                .toList()))
                .addValue("phase", saga.phase().name())
                .addValue("step", saga.step().name())
                .addValue(
                        "compensations",
                        json.writeValueAsString(
                                saga.compensations().stream().map(Enum::name).toList()))
                .addValue("ending", saga.ending() == null ? null : saga.ending().name())
                .addValue("reason", saga.reason())
                .addValue(
                        "command",
                        saga.awaiting() == null
                                ? null
                                : saga.awaiting().command().value())
                .addValue(
                        "waitMs",
                        saga.awaiting() == null
                                ? null
                                : saga.awaiting().allowed().toMillis())
                .addValue(
                        "deadline",
                        saga.awaiting() == null || saga.awaiting().deadline() == null
                                ? null
                                : Timestamp.from(saga.awaiting().deadline()))
                .addValue("attempts", saga.attempts())
                .addValue("log", json.writeValueAsString(saga.log()))
                .addValue("paymentMethod", order.paymentMethod().orElse(null));
    }

    private List<StoredLine> storedLines(Order order) {
        return order.lines().stream()
                .map(line -> new StoredLine(
                        line.sku().value(),
                        line.productId(),
                        line.name(),
                        line.quantity(),
                        line.unitPrice().amount()))
                .toList();
    }

    private Order order(ResultSet row, int number) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        List<OrderLine> lines =
                json.readValue(row.getString("lines"), new TypeReference<List<StoredLine>>() {}).stream()
                        .map(line -> new OrderLine(
                                new Sku(line.sku()),
                                line.productId(),
                                line.name(),
                                line.quantity(),
                                new Money(line.unitPrice(), currency)))
                        .toList();
        List<StatusChange> history =
                json.readValue(row.getString("history"), new TypeReference<List<StoredChange>>() {}).stream()
                        .map(change ->
                                new StatusChange(OrderStatus.valueOf(change.status()), change.reason(), change.at()))
                        .toList();
        List<SagaCommand> compensations =
                json.readValue(row.getString("saga_compensations"), new TypeReference<List<String>>() {}).stream()
                        .map(SagaCommand::valueOf)
                        .toList();
        Timestamp deadline = row.getTimestamp("saga_deadline");
        UUID command = row.getObject("saga_command", UUID.class);
        PlaceOrderSaga.Wait wait = command == null
                ? null
                : new PlaceOrderSaga.Wait(
                        new CommandId(command),
                        Duration.ofMillis(row.getLong("saga_wait_ms")),
                        deadline == null ? null : deadline.toInstant());
        String ending = row.getString("saga_ending");
        PlaceOrderSaga saga = new PlaceOrderSaga(
                PlaceOrderSaga.Phase.valueOf(row.getString("saga_phase")),
                PlaceOrderSaga.Step.valueOf(row.getString("saga_step")),
                compensations,
                ending == null ? null : PlaceOrderSaga.Ending.valueOf(ending),
                row.getString("saga_reason"),
                wait,
                row.getInt("saga_attempts"),
                json.readValue(row.getString("saga_log"), new TypeReference<List<LogEntry>>() {}));
        return new Order(
                new OrderId(row.getObject("order_id", UUID.class)),
                row.getString("customer_id"),
                row.getBoolean("from_cart"),
                lines,
                json.readValue(row.getString("shipping_address"), ShippingAddress.class),
                new Totals(
                        money(row, "subtotal", currency),
                        money(row, "shipping", currency),
                        money(row, "tax", currency),
                        money(row, "grand_total", currency)),
                OrderStatus.valueOf(row.getString("status")),
                history,
                saga,
                Optional.ofNullable(row.getString("payment_method")),
                row.getTimestamp("placed_at").toInstant(),
                row.getLong("version"));
    }

    private static Money money(ResultSet row, String column, Currency currency) throws SQLException {
        return new Money(row.getBigDecimal(column), currency);
    }
}
