package io.amlmonitor.server;

/** The browsable API documentation: Swagger UI from its webjar, reading {@code /openapi.json}. */
final class SwaggerPage {
  private static final String VERSION = "5.17.14";

  static final String HTML =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>AML Monitor API</title>
        <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
        <script>
          window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
        </script>
      </body>
      </html>
      """
          .formatted(VERSION);

  private SwaggerPage() {}
}
