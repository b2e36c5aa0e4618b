// `ecs-tasks-mcp --help`.
import { DEFAULT_TIMEOUT_MS } from "./config.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export const HELP_TEXT = `${SERVER_NAME} ${SERVER_VERSION}: an MCP stdio server for Alibaba Cloud ECS asynchronous tasks.

Usage: ecs-tasks-mcp [options]      (MCP clients start it; it speaks JSON-RPC on stdin/stdout)

Options (flags override environment variables):
  --sandbox            Serve generated demo data from a built-in ECS stand-in; no account needed.
  --region ID          Default region, e.g. cn-hangzhou        (env ALIBABA_CLOUD_REGION_ID)
  --profile NAME       aliyun CLI profile for the region        (env ALIBABA_CLOUD_PROFILE)
  --endpoint URL       Replace https://ecs.<region>.aliyuncs.com (env ALIBABA_CLOUD_ECS_ENDPOINT)
  --timeout-ms N       Whole-request timeout, default ${DEFAULT_TIMEOUT_MS}   (env ECS_TASKS_MCP_TIMEOUT_MS)
  -h, --help           This text.
  -v, --version        The version.

Credentials come from the official Alibaba Cloud chain, looked up at the first call:
  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN],
  OIDC, the aliyun CLI profile (~/.aliyun/config.json), ~/.alibabacloud/credentials,
  the ECS instance RAM role, ALIBABA_CLOUD_CREDENTIALS_URI.
Least privilege: ecs:DescribeTasks.
`;
