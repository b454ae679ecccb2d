extension Migration {
    /// 5: the finished-job archive, effectively-once job effects, users and data-quality results.
    static let operations = Migration(
        version: 5,
        name: "operations",
        up: """
            CREATE TABLE job_runs (
                id text PRIMARY KEY,
                type text NOT NULL,
                queue text NOT NULL,
                state text NOT NULL CHECK (state IN ('succeeded', 'dead', 'cancelled')),
                attempts integer NOT NULL CHECK (attempts >= 0),
                payload jsonb NOT NULL,
                result jsonb,
                errors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array'),
                created_at timestamptz NOT NULL,
                started_at timestamptz,
                finished_at timestamptz NOT NULL,
                archived_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX job_runs_type_finished_at ON job_runs (type, finished_at DESC);
            CREATE INDEX job_runs_state_finished_at ON job_runs (state, finished_at DESC);
            CREATE INDEX job_runs_archived_at ON job_runs USING brin (archived_at);

            -- A job that wrote to PostgreSQL, recorded in the same transaction as its writes.
            CREATE TABLE job_effects (
                job_id text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE users (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                email text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' IN email) > 1),
                password_hash text NOT NULL,
                role text NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
                totp_secret text,
                is_active boolean NOT NULL DEFAULT true,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                last_login_at timestamptz
            );

            CREATE TABLE data_quality_checks (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                check_name text NOT NULL CHECK (check_name <> ''),
                sport text,
                status text NOT NULL CHECK (status IN ('pass', 'warn', 'fail')),
                action text NOT NULL CHECK (action IN ('none', 'alert', 'manual_review', 'block_predictions')),
                observed_value double precision,
                threshold double precision,
                details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
                job_id text,
                checked_at timestamptz NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX data_quality_checks_name_checked_at ON data_quality_checks (check_name, checked_at DESC);
            CREATE INDEX data_quality_checks_created_at ON data_quality_checks (created_at);
            """,
        down: """
            DROP TABLE data_quality_checks;
            DROP TABLE users;
            DROP TABLE job_effects;
            DROP TABLE job_runs;
            """
    )
}
