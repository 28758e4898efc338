package io.polyshop.platform.messaging;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creating a service's DynamoDB tables at start-up, safely when several instances start at once. */
public final class DynamoDbTables {

    /**
     * Table set-up at start may take much longer than a request's few seconds: every service starts
     * at once on a busy machine, and DynamoDB Local creates a table slowly.
     */
    private static final AwsRequestOverrideConfiguration SET_UP = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofMinutes(2))
            .apiCallAttemptTimeout(Duration.ofSeconds(30))
            .build();

    private DynamoDbTables() {}

    /** Creates the table (on demand billing) unless it exists, and waits until it can be used. */
    public static void ensure(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.describeTable(
                    describe -> describe.tableName(request.tableName()).overrideConfiguration(SET_UP));
            return;
        } catch (ResourceNotFoundException missing) {
            // created below
        }
        try {
            dynamo.createTable(request.toBuilder()
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .overrideConfiguration(SET_UP)
                    .build());
        } catch (ResourceInUseException createdByAnotherInstance) {
            // someone else created it first: fine
        }
        dynamo.waiter()
                .waitUntilTableExists(
                        DescribeTableRequest.builder()
                                .tableName(request.tableName())
                                .overrideConfiguration(SET_UP)
                                .build(),
                        WaiterOverrideConfiguration.builder()
                                .waitTimeout(Duration.ofMinutes(2))
                                .build());
    }
}
