package org.gazette;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of stopping a node: readiness turns to refusing traffic (the probes
 * answer 503) and the node goes on serving for {@code gazette.shutdown.drain}, so that
 * the proxy takes it out of rotation before the web server's graceful shutdown stops
 * taking connections. It stops in a phase before the web server's.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

    private final Duration drain;

    private final ApplicationEventPublisher events;

    private volatile boolean running;

    ShutdownDrain(ShutdownProperties properties, ApplicationEventPublisher events) {
        this.drain = properties.drain();
        this.events = events;
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
        if (this.drain.isZero() || this.drain.isNegative()) {
            return;
        }
        logger.info("Refusing traffic; serving for " + this.drain.toMillis() + " ms more while the proxy notices");
        try {
            Thread.sleep(this.drain.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Only a real stop drains: a context paused and started again (as tests do) keeps taking traffic. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;
    }

}
