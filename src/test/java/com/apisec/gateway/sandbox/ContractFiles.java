package com.apisec.gateway.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds the vendor contracts in the folder named by the system property {@code contracts.dir} (the
 * build points it at {@code ../shared/contracts}). They are test data read in place, never copied
 * into the project. When they are missing, contract tests are skipped with the reason, except on CI
 * ({@code CI=true}) where they fail.
 */
public final class ContractFiles {
  public static final String PROPERTY = "contracts.dir";

  /** Every contract file the checks in this package read. */
  static final List<String> ALL =
      List.of(
          JiraCloudContractCheck.OPENAPI,
          JiraCloudContractCheck.ADF_SCHEMA,
          JiraDataCenterContractCheck.OPENAPI);

  private ContractFiles() {}

  /** The path of a contract file, or a skip (a failure on CI) when it is not there. */
  public static Path require(String relative) {
    Optional<String> missing = missing(relative);
    if (missing.isEmpty()) {
      return Path.of(System.getProperty(PROPERTY)).resolve(relative);
    }
    if (onCi()) {
      Assertions.fail(missing.get());
    }
    Assumptions.abort(missing.get());
    throw new IllegalStateException("unreachable");
  }

  /** Why a contract file cannot be read, or empty when it can. */
  static Optional<String> missing(String relative) {
    String dir = System.getProperty(PROPERTY);
    if (dir != null && Files.isRegularFile(Path.of(dir).resolve(relative))) {
      return Optional.empty();
    }
    String where =
        dir == null ? "(" + PROPERTY + " is not set)" : Path.of(dir).toAbsolutePath().toString();
    return Optional.of(
        "vendor contract "
            + relative
            + " not found under "
            + where
            + "; contract tests need the shared contracts folder");
  }

  private static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips a test class, with the reason, when a contract is missing; on CI it lets the class run so
   * that {@link #require} fails it.
   */
  public static final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> missing =
          ALL.stream().map(ContractFiles::missing).flatMap(Optional::stream).findFirst();
      if (missing.isPresent() && !onCi()) {
        return ConditionEvaluationResult.disabled(missing.get());
      }
      return ConditionEvaluationResult.enabled("vendor contracts found");
    }
  }
}
