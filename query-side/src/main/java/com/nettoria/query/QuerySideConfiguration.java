package com.nettoria.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Ships the query side's defaults (event processor settings) to whichever process runs it. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:nettoria/query-side-defaults.properties")
public class QuerySideConfiguration {
}
