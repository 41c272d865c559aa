package io.medsyn.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A batch as {@code GET /v1/batches/{id}} describes it.
 *
 * @param outputFileId the answered requests' file, or null
 * @param errorFileId the failed and unprocessed requests' file, or null
 * @param errors the batch's own errors (a file that failed validation), as the provider wrote them, or null
 */
record BatchStatus(String id, String status, String outputFileId, String errorFileId, int completed, int failed,
    String errors) {

  /** No more change will come: its files, if any, are final. */
  boolean ended() {
    return switch (status) {
      case "completed", "failed", "expired", "cancelled" -> true;
      default -> false;
    };
  }

  static BatchStatus of(JsonNode batch) {
    JsonNode counts = batch.path("request_counts");
    JsonNode errors = batch.path("errors");
    return new BatchStatus(batch.path("id").asText(), batch.path("status").asText("unknown"),
        text(batch, "output_file_id"), text(batch, "error_file_id"), counts.path("completed").asInt(),
        counts.path("failed").asInt(), errors.isMissingNode() || errors.isNull() ? null : errors.toString());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}
