-- wrk script: POST /api/v1/jobs with a bearer token from the TOKEN environment variable.
wrk.method = "POST"
wrk.body = '{"type":"diag.sleep","payload":{"milliseconds":1},"queue":"bench-api"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
