package io.polyshop.platform.messaging.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that writes orders with the outbox and projects their events through the inbox. */
@SpringBootApplication
public class SampleApplication {}
