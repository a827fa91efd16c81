package org.gazette;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The features depend on each other one way only: web → comment → article,
 * moderation → comment and editor; editor is a leaf; no cycles. Each package's
 * {@code package-info.java} declares the modules it may use, so an arrow that runs the
 * wrong way fails here even when it makes no cycle.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GazetteApplication.class);

    @Test
    void featuresHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        this.modules.verify();
    }

}
