package io.polyshop.platform.messaging;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creating a service's DynamoDB tables at start-up, safely when several instances start at once. */
public final class DynamoDbTables {

    private DynamoDbTables() {}

    /** Creates the table (on demand billing) unless it exists, and waits until it can be used. */
    public static void ensure(DynamoDbClient dynamo, CreateTableRequest request) {
        try {
            dynamo.describeTable(describe -> describe.tableName(request.tableName()));
            return;
        } catch (ResourceNotFoundException missing) {
            // created below
        }
        try {
            dynamo.createTable(
                    request.toBuilder().billingMode(BillingMode.PAY_PER_REQUEST).build());
        } catch (ResourceInUseException createdByAnotherInstance) {
            // someone else created it first: fine
        }
        dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(request.tableName()));
    }
}
