# MedSyn on Spark. Newcomers need two commands: `make run` and `make test` (JDK 17 and Maven on the PATH).
MVN ?= mvn -B -q
# One list of JVM flags for tests, runs and benchmarks: the one pom.xml gives surefire.
JVM_FLAGS := $(shell sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
CLASSPATH_FILE := target/classpath.txt
JAVA_RUN = SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $(JVM_FLAGS) -Dlog4j2.configurationFile=conf/log4j2.properties
ARGS ?=

.PHONY: build run test bench clean

build:
	$(MVN) -DskipTests package

$(CLASSPATH_FILE): pom.xml
	@mkdir -p target
	$(MVN) dependency:build-classpath -Dmdep.outputFile=$(CLASSPATH_FILE) -Dmdep.includeScope=test

## run: the whole pipeline on the embedded defaults (local Spark, built-in graph), writing under out/.
run: build $(CLASSPATH_FILE)
	$(JAVA_RUN) -cp target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.MedSyn run $(ARGS)

## test: every test, on a real local Spark session.
test:
	$(MVN) test

## bench: throughput figures (sampling, and more as stages land), printed to the terminal.
bench: $(CLASSPATH_FILE)
	$(MVN) -DskipTests test-compile
	$(JAVA_RUN) -cp target/test-classes:target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.bench.Bench $(ARGS)

clean:
	$(MVN) clean
	rm -rf out

.PHONY: bench-eval
## bench-eval: the real-only ICD-10 classifier on RuMedTop3 (training time, dev Hit@1/Hit@3/macro-F1);
## ARGS="cv --folds 1" cross-validates on the training split instead (where the defaults were chosen).
bench-eval: $(CLASSPATH_FILE)
	$(MVN) -DskipTests test-compile
	$(JAVA_RUN) -Dmedsyn.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.bench.EvalBench $(ARGS)
