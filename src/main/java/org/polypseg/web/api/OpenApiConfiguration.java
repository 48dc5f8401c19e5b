package org.polypseg.web.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI document at {@code /v3/api-docs}: its title and description, and the error answers
 * every operation shares, added here once instead of on each controller method.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  private static final String PROBLEM = org.springframework.http.MediaType
      .APPLICATION_PROBLEM_JSON_VALUE;

  @Bean
  OpenAPI polypsegOpenApi() {
    return new OpenAPI().info(new Info()
        .title("polypseg API")
        .version("1")
        .description("Segments polyps in colonoscopy images with a hybrid quantum-classical U-Net. "
            + "Stateless: every request carries its image. Errors are RFC 9457 problem details. "
            + "For research and education only; not a medical device."));
  }

  /**
   * Every API request counts against its client's allowance (the fair-use filter answers 429
   * before a controller runs), and every upload can be over the per-file limit (413) or find the
   * server busy (503). An operation that documents its own 413, 429 or 503 keeps it.
   */
  @Bean
  OpenApiCustomizer sharedProblemResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      ModelConverters.getInstance().read(ProblemDetail.class)
          .forEach((name, schema) -> {
            if (api.getComponents().getSchemas() == null
                || !api.getComponents().getSchemas().containsKey(name)) {
              api.getComponents().addSchemas(name, schema);
            }
          });
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
        if (takesUploads(operation)) {
          operation.getResponses().putIfAbsent("413", problem("A file larger than the per-file "
              + "limit; the detail names the file and the limit"));
          operation.getResponses().putIfAbsent("503", problem("The server is busy; try again "
              + "after Retry-After seconds"));
        }
        operation.getResponses().putIfAbsent("429", problem("This client already has its most "
            + "images waiting or being segmented, or (reports, clips) has used its allowance of "
            + "requests for now; try again after Retry-After seconds"));
        operation.setResponses(byCode(operation.getResponses()));
      }));
    };
  }

  /** The responses in the order of their codes, as Swagger UI lists them. */
  private static ApiResponses byCode(ApiResponses responses) {
    ApiResponses sorted = new ApiResponses();
    responses.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
    sorted.setExtensions(responses.getExtensions());
    return sorted;
  }

  private static boolean takesUploads(Operation operation) {
    return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().containsKey(
            org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
  }
}
