package io.polyshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.inventory.api.InventoryMessages;
import io.polyshop.inventory.api.StockReleased;
import io.polyshop.inventory.api.StockReserved;
import io.polyshop.payment.api.PaymentMessages;
import io.polyshop.platform.engines.KafkaEngine;
import io.polyshop.platform.messaging.OperatorActions;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.ApiClient.Response;
import io.polyshop.platform.test.TestEngines;
import io.polyshop.platform.test.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** When a step goes unanswered, a reply comes twice, Kafka is away or no timer ran: the saga still ends, once. */
class SagaRecoveryIT extends OrderTestSupport {

    @Test
    void aStepWithoutAnswerTimesOutAndItsCompensationIsRepeatedUntilAnswered() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);

        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 1);
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 2);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "timed out", List.of()));
        JsonNode rejected = awaitStatus(orderId, "REJECTED");

        assertThat(rejected.get("history").get(1).get("reason").asString()).contains("took too long");
        assertThat(participants.commandsOf(orderId, PaymentMessages.AUTHORIZE_PAYMENT))
                .isEmpty();
    }

    @Test
    void aCompensationUnansweredEveryTimeLeavesTheOrderToAnOperatorWhoSendsItAgain() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 3);
        ApiClient operator = new ApiClient(port).as(TOKENS.valid("operator", "ADMIN"));

        await().atMost(DEADLINE)
                .until(() -> operator.get("/api/v1/admin/orders/needing-attention")
                        .json()
                        .valueStream()
                        .anyMatch(order -> order.get("orderId").asString().equals(orderId)));
        JsonNode stuck = shopper.get("/api/v1/orders/" + orderId).json();
        assertThat(stuck.get("saga").get("phase").asString()).isEqualTo("NEEDS_ATTENTION");
        assertThat(stuck.get("status").asString()).isEqualTo("PENDING");
        assertThat(new ApiClient(managementPort).get("/actuator/prometheus").body())
                .containsPattern("polyshop_order_sagas_needing_attention\\S* [1-9]");
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .as("no more attempts once it needs attention")
                .hasSize(3);
        assertThat(shopper.post("/api/v1/admin/orders/" + orderId + "/compensation", null)
                        .status())
                .isEqualTo(403);

        Response resumed;
        try (TopicRecorder announced = TopicRecorder.start(OperatorActions.TOPIC)) {
            resumed = operator.post("/api/v1/admin/orders/" + orderId + "/compensation", null);
            TopicRecorder.Event action = announced.await(event -> orderId.equals(event.subject()), DEADLINE);
            assertThat(action.data().get("action").asString()).isEqualTo("saga compensation sent again");
            assertThat(action.data().get("actor").asString()).isEqualTo("operator");
        }
        participants.awaitCommand(orderId, InventoryMessages.RELEASE_STOCK, 4);
        participants.reply(
                orderId, InventoryMessages.STOCK_RELEASED, new StockReleased(orderId, orderId, "timed out", List.of()));

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("saga").get("phase").asString()).isEqualTo("COMPENSATING");
        awaitStatus(orderId, "REJECTED");
        assertThat(operator.post("/api/v1/admin/orders/" + orderId + "/compensation", null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void keepsDeadLetterReplayForAdminsOnTheManagementPortAndAnnouncesEachReplay() {
        String deadLetters = this.deadLetters.deadLetterTopicOf("operator-plane-" + UUID.randomUUID());
        String path = "/actuator/deadletters/" + deadLetters;
        ApiClient operatorPlane = new ApiClient(managementPort);
        String admin = TOKENS.valid("operator-" + UUID.randomUUID(), "ADMIN");

        assertThat(operatorPlane.post(path, null).status()).isEqualTo(401);
        assertThat(operatorPlane
                        .as(TOKENS.valid(customer, "CUSTOMER"))
                        .post(path, null)
                        .status())
                .isEqualTo(403);
        assertThat(operatorPlane
                        .as(TOKENS.valid("support", "SUPPORT"))
                        .post(path, null)
                        .status())
                .isEqualTo(403);
        assertThat(new ApiClient(port).as(admin).post(path, null).status())
                .as("not on the service port")
                .isEqualTo(404);
        assertThat(operatorPlane
                        .as(admin)
                        .post("/actuator/deadletters/order.events", null)
                        .status())
                .isEqualTo(400);

        try (TopicRecorder announced = TopicRecorder.start(OperatorActions.TOPIC)) {
            Response replayed = operatorPlane.as(admin).post(path, null);

            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
            TopicRecorder.Event action = announced.await(
                    event -> deadLetters.equals(event.subject())
                            && event.data().get("actor").asString().startsWith("operator-"),
                    DEADLINE);
            assertThat(action.type()).isEqualTo("polyshop.order.operator-action-taken.v1");
            assertThat(action.data().get("action").asString()).isEqualTo("dead letters replayed");
            assertThat(action.data().get("at").asString()).isNotBlank();
        }
    }

    @Test
    void aSagaThatCannotBeHandledIsPutOffWithoutHoldingUpTheOthers() {
        String broken = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        String waiting = placed(order(List.of(line(gizmo, 1, null)), "tok_visa"));
        participants.awaitCommand(broken, InventoryMessages.RESERVE_STOCK, 1);
        // A row this version cannot read, first in line for the timer.
        jdbc.sql("""
                        update customer_order set saga_compensations = '["TELEPORT_STOCK"]'::jsonb,
                               saga_deadline = now() - interval '1 hour'
                         where order_id = cast(:id as uuid)
                        """).param("id", broken).update();
        try {
            participants.awaitCommand(waiting, InventoryMessages.RESERVE_STOCK, 1);

            participants.awaitCommand(waiting, InventoryMessages.RELEASE_STOCK, 1);
            assertThat(jdbc.sql("select saga_deadline > now() from customer_order where order_id = cast(:id as uuid)")
                            .param("id", broken)
                            .query(Boolean.class)
                            .single())
                    .as("the saga that failed is put off")
                    .isTrue();
        } finally {
            jdbc.sql("""
                            update customer_order set saga_compensations = '[]'::jsonb, saga_phase = 'DONE',
                                   saga_command = null, saga_wait_ms = null, saga_deadline = null
                             where order_id = cast(:id as uuid)
                            """).param("id", broken).update();
        }
    }

    @Test
    void aCommandHeldUpByAKafkaOutageGetsItsWholeTimeOnceItIsPublished() {
        KafkaEngine kafka = TestEngines.embeddedKafka();
        String orderId;
        kafka.close();
        try {
            orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
            Duration longerThanTheStepMayTake = Duration.ofSeconds(6);
            String placedOrder = orderId;
            await().during(longerThanTheStepMayTake)
                    .atMost(longerThanTheStepMayTake.plusSeconds(5))
                    .until(() -> shopper.get("/api/v1/orders/" + placedOrder)
                            .json()
                            .get("saga")
                            .get("phase")
                            .asString()
                            .equals("RUNNING"));
        } finally {
            kafka.start();
        }

        answerEveryStepUntilConfirmed(orderId);
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .isEmpty();
    }

    @Test
    void timeInWhichNoSagaTimerRanDoesNotCountAgainstAStep() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        participants.awaitCommand(orderId, InventoryMessages.RESERVE_STOCK, 1);

        // As after every instance was down for a minute: the last sweep long ago, the step nearly due.
        jdbc.sql("""
                        with away as (update saga_timer set swept_at = now() - interval '60 seconds')
                        update customer_order set saga_deadline = now() + interval '1500 milliseconds'
                         where order_id = cast(:id as uuid)
                        """).param("id", orderId).update();

        await().atMost(DEADLINE)
                .until(() ->
                        jdbc.sql("""
                                select saga_deadline > now() + interval '30 seconds'
                                  from customer_order where order_id = cast(:id as uuid)
                                """).param("id", orderId).query(Boolean.class).single());
        answerEveryStepUntilConfirmed(orderId);
        assertThat(participants.commandsOf(orderId, InventoryMessages.RELEASE_STOCK))
                .isEmpty();
    }

    @Test
    void aReplyDeliveredTwiceMovesTheSagaOnce() {
        String orderId = placed(order(List.of(line(gadget, 1, null)), "tok_visa"));
        reserve(orderId);
        participants.awaitCommand(orderId, PaymentMessages.AUTHORIZE_PAYMENT, 1);
        participants.reply(
                orderId,
                InventoryMessages.STOCK_RESERVED,
                new StockReserved(orderId, orderId, List.of(), Instant.now().plusSeconds(900)));
        authorize(orderId, new BigDecimal("29.58"));
        participants.awaitCommand(orderId, InventoryMessages.CONFIRM_RESERVATION, 1);

        assertThat(participants.commandsOf(orderId, PaymentMessages.AUTHORIZE_PAYMENT))
                .hasSize(1);
        assertThat(participants.commandsOf(orderId, InventoryMessages.CONFIRM_RESERVATION))
                .hasSize(1);
    }
}
