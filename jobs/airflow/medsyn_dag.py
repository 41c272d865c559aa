"""MedSyn on Spark as an Airflow DAG: one task per pipeline stage, each a jobs/ wrapper (spark-submit).

Every run writes under OUTPUT_ROOT/<run date> ({{ ds }}) with the run date as the seed, and every stage overwrites
its own tables: clearing a task or re-running a date redoes that date's work and leaves other dates alone.

Needs Airflow 2.4 or later (3.x included). Deployment: copy the project's jobs/ and conf/ (and the job jar, or put it on S3 and set MEDSYN_JAR) to the Airflow
workers, and set the Airflow Variables below (or keep the defaults). S3 credentials come from the workers'
environment or instance role, never from this file.
"""

from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3 moved the operator to the standard provider.
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:
    from airflow.operators.bash import BashOperator

# The pipeline's stages in order: the `medsyn` sub-commands (less `run`), each with its wrapper jobs/<stage>.sh.
# A test compares this list with the CLI, so a new stage is added here as one more name.
STAGES = ["mkg", "sample", "generate", "quality", "evaluate"]

# Where the project is deployed on the workers, and the run's settings; each an Airflow Variable with a default.
JOBS_DIR = "{{ var.value.get('medsyn_jobs_dir', '/opt/medsyn/jobs') }}"
MASTER = "{{ var.value.get('medsyn_master', 'yarn') }}"
DEPLOY_MODE = "{{ var.value.get('medsyn_deploy_mode', 'cluster') }}"
CONFIG = "{{ var.value.get('medsyn_config', '/opt/medsyn/conf/cluster.yaml') }}"
OUTPUT_ROOT = "{{ var.value.get('medsyn_output_root', 's3a://medsyn-corpus/runs') }}"


def stage_command(stage):
    """The wrapper call for one stage: wrapper options, then `--`, then `medsyn <stage>` options."""
    return (
        f"{JOBS_DIR}/{stage}.sh"
        f" --master {MASTER}"
        f" --deploy-mode {DEPLOY_MODE}"
        f" --config {CONFIG}"
        f" --"
        f" --output {OUTPUT_ROOT}/{{{{ ds }}}}"
        f" --seed {{{{ ds_nodash }}}}"
    )


with DAG(
    dag_id="medsyn",
    description="Synthetic clinical notes from a medical knowledge graph and LLMs, on Spark",
    start_date=datetime(2026, 1, 1),
    schedule=None,  # triggered per experiment; the logical date keys the run's output
    catchup=False,
    # One run at a time: two runs would share the LLM endpoint's limits and halve each other's throughput.
    max_active_runs=1,
    default_args={
        "owner": "medsyn",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "execution_timeout": timedelta(hours=12),
    },
    tags=["medsyn", "spark"],
) as dag:
    previous = None
    for stage in STAGES:
        task = BashOperator(task_id=stage, bash_command=stage_command(stage))
        if previous is not None:
            previous >> task
        previous = task
