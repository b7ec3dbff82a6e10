-- wrk script: load.lua, but every message's text is new ("… lesson plans? 1234"), so no understanding is reused:
-- the cost of a question the bot has not seen before (tests/bench/load.sh varied).
-- SINK (env) is the connector stand-in's port.
local sink = os.getenv("SINK_PORT") or "7399"
local n = 0
request = function()
  n = n + 1
  local body = string.format([[{"type":"message","id":"m-%d","timestamp":"2026-11-27T10:00:00Z","channelId":"msteams","serviceUrl":"http://127.0.0.1:%s/","from":{"id":"29:load-user","name":"Load User","aadObjectId":"00000000-0000-0000-0000-0000000000aa"},"conversation":{"id":"a:load-%d","conversationType":"personal","tenantId":"00000000-0000-0000-0000-00000000abcd"},"recipient":{"id":"28:aipolicybot","name":"AiPolicyBot"},"text":"can I use chat gpt for lesson plans? %d","textFormat":"plain","locale":"en-GB","channelData":{"tenant":{"id":"00000000-0000-0000-0000-00000000abcd"}}}]], n, sink, n % 500, n)
  return wrk.format("POST", "/api/messages", {["Content-Type"] = "application/json"}, body)
end
