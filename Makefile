# MedSyn on Spark. Newcomers need two commands: `make run` and `make test` (JDK 17 and Maven on the PATH).
MVN ?= mvn -B -q
# One list of JVM flags for tests, runs and benchmarks: the one pom.xml gives surefire.
JVM_FLAGS := $(shell sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
CLASSPATH_FILE := target/classpath.txt
JAVA_RUN = SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $(JVM_FLAGS) -Dlog4j2.configurationFile=conf/log4j2.properties
ARGS ?=

.PHONY: build run test bench notebooks notebook-tools clean

build:
	$(MVN) -DskipTests package

$(CLASSPATH_FILE): pom.xml
	@mkdir -p target
	$(MVN) dependency:build-classpath -Dmdep.outputFile=$(CLASSPATH_FILE) -Dmdep.includeScope=test

## run: the whole pipeline on the embedded defaults (local Spark, built-in graph), writing under out/.
run: build $(CLASSPATH_FILE)
	@$(JAVA_RUN) -cp target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.MedSyn run $(ARGS)

## test: every test (not quiet: CI reads the closing counts): unit tests on a real local Spark session, then, once
## the job jar is packaged, the integration tests (*IT: spark-submit wrappers, a standalone cluster of JVMs).
test: notebook-tools
	mvn -B verify

# The notebooks' tools, from Debian (PyPI is out of reach): Jupyter's headless runner, pandas, matplotlib, and JPype
# for DuckDB's JDBC driver. Installed only when missing; root installs directly, anyone else through sudo.
NOTEBOOK_PACKAGES := jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib python3-jpype
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
notebook-tools:
	@if ! command -v jupyter-nbconvert >/dev/null || ! /usr/bin/python3 -c 'import ipykernel, pandas, matplotlib, jpype' 2>/dev/null; then \
	  echo "installing $(NOTEBOOK_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(NOTEBOOK_PACKAGES); \
	fi

## notebooks: every notebook executed on a run (MEDSYN_OUTPUT, default out/ from `make run`), as HTML beside it.
NOTEBOOK_RUN = $(abspath $(or $(MEDSYN_OUTPUT),out))
notebooks: notebook-tools $(CLASSPATH_FILE)
	MEDSYN_OUTPUT=$(NOTEBOOK_RUN) PYDEVD_DISABLE_FILE_VALIDATION=1 jupyter-nbconvert --to html --execute \
	  --output-dir $(NOTEBOOK_RUN)/notebooks notebooks/*.ipynb

## bench: figures printed to the terminal: sampling, generation and quality throughput, LLM client pacing, and the
## RuMedTop3 classifier's training time and dev scores.
bench: $(CLASSPATH_FILE)
	$(MVN) -DskipTests test-compile
	@$(JAVA_RUN) -Dmedsyn.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.bench.Bench $(ARGS)

## experiment: does synthetic data help on your corpus? Every stage on it, then the classifier experiment:
##   make experiment TRAIN=<real train> EVAL=<real eval> OUT=<dir> [GRID=none|quick|full] [ARGS="--set K=V"]
GRID ?= quick
.PHONY: experiment
experiment: build $(CLASSPATH_FILE)
	@if [ -z "$(TRAIN)" ] || [ -z "$(EVAL)" ] || [ -z "$(OUT)" ]; then \
	  echo "make experiment: name the corpora and the output: TRAIN=<real train> EVAL=<real eval> OUT=<dir> [GRID=none|quick|full]" >&2; \
	  exit 2; fi
	@$(JAVA_RUN) -cp target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.MedSyn experiment --train "$(TRAIN)" \
	  --eval "$(EVAL)" --output "$(OUT)" --grid "$(GRID)" $(ARGS)

clean:
	$(MVN) clean
	rm -rf out

.PHONY: bench-eval
## bench-eval: the classifier alone (as the end of `make bench`), with ARGS="--set evaluate.classifier.KEY=VALUE";
## ARGS="cv --folds 1" cross-validates on the training split instead (where the defaults were chosen).
bench-eval: $(CLASSPATH_FILE)
	$(MVN) -DskipTests test-compile
	$(JAVA_RUN) -Dmedsyn.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.bench.EvalBench $(ARGS)

.PHONY: bench-cv
## bench-cv: generator settings chosen by cross-validation on RuMedTop3 train (the stages run per fold on the
## fold's training notes; validation folds are real notes only), e.g.
##   make bench-cv ARGS="--setting unstyled --set style.learn=false --setting styled --set style.learn=true"
bench-cv: $(CLASSPATH_FILE)
	$(MVN) -DskipTests test-compile
	$(JAVA_RUN) -Dmedsyn.shared.dir=../shared -cp target/test-classes:target/classes:$$(cat $(CLASSPATH_FILE)) io.medsyn.bench.SyntheticCv $(ARGS)
