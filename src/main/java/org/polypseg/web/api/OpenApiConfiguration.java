package org.polypseg.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI polypsegOpenApi() {
    return new OpenAPI().info(new Info()
        .title("polypseg API")
        .version("1")
        .description("Segments polyps in colonoscopy images with a hybrid quantum-classical U-Net. "
            + "Stateless: every request carries its image. Errors are RFC 9457 problem details. "
            + "For research and education only; not a medical device."));
  }
}
