-- db-scheduler's one table (its PostgreSQL schema), under a name of Plugboard's own.
CREATE TABLE plugboard_scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMPTZ NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMPTZ,
  last_failure         TIMESTAMPTZ,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMPTZ,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX plugboard_scheduled_tasks_execution_time ON plugboard_scheduled_tasks (execution_time);
CREATE INDEX plugboard_scheduled_tasks_last_heartbeat ON plugboard_scheduled_tasks (last_heartbeat);
CREATE INDEX plugboard_scheduled_tasks_priority ON plugboard_scheduled_tasks (priority DESC, execution_time ASC);
