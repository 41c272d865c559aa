package io.medsyn.llm.openai;

/**
 * {@link OpenAiConfig} for tests: starts from {@link OpenAiConfig#defaults()} pointed at a local server, and changes
 * only what a test names. Validation still happens in the record, at {@link #build()}.
 */
public final class OpenAiConfigBuilder {
  private String baseUrl;
  private String model;
  private String apiKeyEnv;
  private double temperature;
  private int maxTokens;
  private Long seed;
  private double connectTimeoutSeconds;
  private double readTimeoutSeconds;
  private double callTimeoutSeconds;
  private int requestsPerSecond;
  private int requestsPerMinute;
  private long tokensPerMinute;
  private double rateWindowSeconds;
  private int maxInFlight;
  private int maxAttempts;
  private long backoffBaseMs;
  private long backoffMaxMs;
  private double retryAfterMaxSeconds;
  private int circuitFailureRatePercent;
  private int circuitWindowSize;
  private double circuitOpenSeconds;
  private double pricePromptPerThousand;
  private double priceCompletionPerThousand;
  private String responseFormat;

  private OpenAiConfigBuilder(OpenAiConfig base) {
    baseUrl = base.baseUrl();
    model = base.model();
    apiKeyEnv = base.apiKeyEnv();
    temperature = base.temperature();
    maxTokens = base.maxTokens();
    seed = base.seed();
    connectTimeoutSeconds = base.connectTimeoutSeconds();
    readTimeoutSeconds = base.readTimeoutSeconds();
    callTimeoutSeconds = base.callTimeoutSeconds();
    requestsPerSecond = base.requestsPerSecond();
    requestsPerMinute = base.requestsPerMinute();
    tokensPerMinute = base.tokensPerMinute();
    rateWindowSeconds = base.rateWindowSeconds();
    maxInFlight = base.maxInFlight();
    maxAttempts = base.maxAttempts();
    backoffBaseMs = base.backoffBaseMs();
    backoffMaxMs = base.backoffMaxMs();
    retryAfterMaxSeconds = base.retryAfterMaxSeconds();
    circuitFailureRatePercent = base.circuitFailureRatePercent();
    circuitWindowSize = base.circuitWindowSize();
    circuitOpenSeconds = base.circuitOpenSeconds();
    pricePromptPerThousand = base.pricePromptPerThousand();
    priceCompletionPerThousand = base.priceCompletionPerThousand();
    responseFormat = base.responseFormat();
  }

  /** The defaults, aimed at {@code baseUrl}, with fast timeouts and backoffs and no key variable. */
  public static OpenAiConfigBuilder forServer(String baseUrl) {
    return new OpenAiConfigBuilder(OpenAiConfig.defaults())
        .baseUrl(baseUrl)
        .apiKeyEnv("")
        .connectTimeoutSeconds(2)
        .readTimeoutSeconds(5)
        .callTimeoutSeconds(5)
        .requestsPerSecond(0)
        .requestsPerMinute(0)
        .tokensPerMinute(0)
        .backoffBaseMs(10)
        .backoffMaxMs(200);
  }

  public OpenAiConfigBuilder baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  public OpenAiConfigBuilder model(String model) {
    this.model = model;
    return this;
  }

  public OpenAiConfigBuilder apiKeyEnv(String apiKeyEnv) {
    this.apiKeyEnv = apiKeyEnv;
    return this;
  }

  public OpenAiConfigBuilder temperature(double temperature) {
    this.temperature = temperature;
    return this;
  }

  public OpenAiConfigBuilder maxTokens(int maxTokens) {
    this.maxTokens = maxTokens;
    return this;
  }

  public OpenAiConfigBuilder seed(Long seed) {
    this.seed = seed;
    return this;
  }

  public OpenAiConfigBuilder connectTimeoutSeconds(double connectTimeoutSeconds) {
    this.connectTimeoutSeconds = connectTimeoutSeconds;
    return this;
  }

  public OpenAiConfigBuilder readTimeoutSeconds(double readTimeoutSeconds) {
    this.readTimeoutSeconds = readTimeoutSeconds;
    return this;
  }

  public OpenAiConfigBuilder callTimeoutSeconds(double callTimeoutSeconds) {
    this.callTimeoutSeconds = callTimeoutSeconds;
    return this;
  }

  public OpenAiConfigBuilder requestsPerSecond(int requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
    return this;
  }

  public OpenAiConfigBuilder requestsPerMinute(int requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
    return this;
  }

  public OpenAiConfigBuilder tokensPerMinute(long tokensPerMinute) {
    this.tokensPerMinute = tokensPerMinute;
    return this;
  }

  public OpenAiConfigBuilder rateWindowSeconds(double rateWindowSeconds) {
    this.rateWindowSeconds = rateWindowSeconds;
    return this;
  }

  public OpenAiConfigBuilder maxInFlight(int maxInFlight) {
    this.maxInFlight = maxInFlight;
    return this;
  }

  public OpenAiConfigBuilder maxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
    return this;
  }

  public OpenAiConfigBuilder backoffBaseMs(long backoffBaseMs) {
    this.backoffBaseMs = backoffBaseMs;
    return this;
  }

  public OpenAiConfigBuilder backoffMaxMs(long backoffMaxMs) {
    this.backoffMaxMs = backoffMaxMs;
    return this;
  }

  public OpenAiConfigBuilder retryAfterMaxSeconds(double retryAfterMaxSeconds) {
    this.retryAfterMaxSeconds = retryAfterMaxSeconds;
    return this;
  }

  public OpenAiConfigBuilder circuitFailureRatePercent(int circuitFailureRatePercent) {
    this.circuitFailureRatePercent = circuitFailureRatePercent;
    return this;
  }

  public OpenAiConfigBuilder circuitWindowSize(int circuitWindowSize) {
    this.circuitWindowSize = circuitWindowSize;
    return this;
  }

  public OpenAiConfigBuilder circuitOpenSeconds(double circuitOpenSeconds) {
    this.circuitOpenSeconds = circuitOpenSeconds;
    return this;
  }

  public OpenAiConfigBuilder pricePromptPerThousand(double pricePromptPerThousand) {
    this.pricePromptPerThousand = pricePromptPerThousand;
    return this;
  }

  public OpenAiConfigBuilder priceCompletionPerThousand(double priceCompletionPerThousand) {
    this.priceCompletionPerThousand = priceCompletionPerThousand;
    return this;
  }

  public OpenAiConfigBuilder responseFormat(String responseFormat) {
    this.responseFormat = responseFormat;
    return this;
  }

  public OpenAiConfig build() {
    return new OpenAiConfig(baseUrl, model, apiKeyEnv, temperature, maxTokens, seed, connectTimeoutSeconds,
        readTimeoutSeconds, callTimeoutSeconds, requestsPerSecond, requestsPerMinute, tokensPerMinute, rateWindowSeconds, maxInFlight,
        maxAttempts, backoffBaseMs, backoffMaxMs, retryAfterMaxSeconds, circuitFailureRatePercent,
        circuitWindowSize, circuitOpenSeconds, pricePromptPerThousand, priceCompletionPerThousand,
        responseFormat);
  }
}
