package com.nettoria.command.vcenter.adapter;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /actuator/health/vcenter}: UP with what vCenter says about itself (its API version) when
 * {@link VCenter#about()} works, DOWN with the reason when it does not. Without a configured vCenter it is UNKNOWN,
 * which leaves the platform's overall status alone: a platform that provisions no VMs yet is not unhealthy.
 */
public class VCenterHealthIndicator implements HealthIndicator {

    private static final Pattern API_VERSION = Pattern.compile("\\(API ([^)]+)\\)$");

    private final VCenter vCenter;

    public VCenterHealthIndicator(VCenter vCenter) {
        this.vCenter = vCenter;
    }

    @Override
    public Health health() {
        if (vCenter instanceof NotConfiguredVCenter) {
            return Health.unknown().withDetail("reason", NotConfiguredVCenter.REASON).build();
        }
        try {
            String about = vCenter.about();
            Health.Builder up = Health.up().withDetail("about", about);
            Matcher version = API_VERSION.matcher(about);
            if (version.find()) {
                up.withDetail("apiVersion", version.group(1));
            }
            return up.build();
        } catch (VCenterException e) {
            return Health.down().withDetail("kind", e.kind().name()).withDetail("reason", e.getMessage()).build();
        }
    }
}
