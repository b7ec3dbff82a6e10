-- wrk script: load.lua's activity, with "Authorization: Bearer <BOT_TOKEN>" (a channel token from openid-stub.js whose
-- serviceurl claim is the sink's URL, as in every activity below).
local sink = os.getenv("SINK_PORT") or "7399"
local token = os.getenv("BOT_TOKEN") or error("BOT_TOKEN is not set")
local n = 0
request = function()
  n = n + 1
  local body = string.format([[{"type":"message","id":"m-%d","timestamp":"2026-11-27T10:00:00Z","channelId":"msteams","serviceUrl":"http://127.0.0.1:%s/","from":{"id":"29:load-user","name":"Load User","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"conversation":{"id":"a:load-%d","conversationType":"personal","tenantId":"00000000-0000-0000-0000-00000000abcd"},"recipient":{"id":"28:aipolicybot","name":"AiPolicyBot"},"text":"can I use chat gpt for lesson plans?","textFormat":"plain","locale":"en-GB","channelData":{"tenant":{"id":"00000000-0000-0000-0000-00000000abcd"}}}]], n, sink, n % 500)
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
