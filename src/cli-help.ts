// `ecs-tasks-mcp --help`.
import { DEFAULT_LOG_LEVEL, DEFAULT_TIMEOUT_MS, LOG_LEVELS } from "./config.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export const HELP_TEXT = `${SERVER_NAME} ${SERVER_VERSION}: an MCP stdio server for Alibaba Cloud ECS asynchronous tasks.

Usage:
  ecs-tasks-mcp [options]          the stdio server (MCP clients start it; JSON-RPC on stdin/stdout)
  ecs-tasks-mcp doctor [options]   check Node, credentials, region, endpoint, clock and one real
                                   DescribeTasks call; prints a checklist with a fix for each failure,
                                   exit code 0 only when everything passes

Options (flags override environment variables):
  --sandbox            Serve generated demo data from a built-in ECS stand-in; no account needed.
  --region ID          Default region, e.g. cn-hangzhou               (env ALIBABA_CLOUD_REGION_ID)
  --profile NAME       aliyun CLI profile: credentials and region_id  (env ALIBABA_CLOUD_PROFILE)
  --endpoint URL       Replace https://ecs.<region>.aliyuncs.com      (env ALIBABA_CLOUD_ECS_ENDPOINT)
  --timeout-ms N       Whole-request timeout in ms, default ${DEFAULT_TIMEOUT_MS}     (env ECS_TASKS_MCP_TIMEOUT_MS)
  --log-level LEVEL    stderr diagnostics: ${LOG_LEVELS.join("|")}, default ${DEFAULT_LOG_LEVEL}
                                                                      (env ECS_TASKS_MCP_LOG_LEVEL)
  -h, --help           This text.
  -v, --version        The version.

Credentials come from the official Alibaba Cloud chain, looked up at the first call:
  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN],
  OIDC (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE),
  the aliyun CLI profile (~/.aliyun/config.json; ALIBABA_CLOUD_PROFILE or --profile),
  ~/.alibabacloud/credentials (ALIBABA_CLOUD_CREDENTIALS_FILE), the ECS instance RAM role
  (ALIBABA_CLOUD_ECS_METADATA_DISABLED=true turns it off), ALIBABA_CLOUD_CREDENTIALS_URI.
Network: HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured.
Least privilege: ecs:DescribeTasks, ecs:DescribeTaskAttribute, ecs:DescribeRegions.
`;
