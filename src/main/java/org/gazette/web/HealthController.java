package org.gazette.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} on the public port, as the route contract has it, while
 * the actuator itself lives on the management port: Boot's health endpoint answered
 * with the same status code, JSON and content type as it gives there, and no details.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class HealthController {

    static final MediaType ACTUATOR_JSON = MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json");

    private final HealthEndpointWebExtension health;

    private final EndpointJsonMapper json;

    HealthController(HealthEndpointWebExtension health, EndpointJsonMapper json) {
        this.health = health;
        this.json = json;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<byte[]> health() {
        WebEndpointResponse<HealthDescriptor> answer = this.health.health(ApiVersion.V3, WebServerNamespace.SERVER,
                SecurityContext.NONE);
        return ResponseEntity.status(answer.getStatus())
            .contentType(ACTUATOR_JSON)
            .body(this.json.get().writeValueAsBytes(answer.getBody()));
    }

}
