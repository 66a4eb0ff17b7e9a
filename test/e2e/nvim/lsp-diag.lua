-- Neovim (0.7+) as a second real LSP client of the stdio server.
-- usage: nvim --headless --clean -c "luafile lsp-diag.lua"  with env TARGET, DIAG_OUT, SERVER_CMD_JSON
-- SERVER_CMD_JSON is the server command as a JSON array (paths may hold spaces), e.g.
-- ["node", "/path/bin/kehoach-language-server.js"] (the bin adds --stdio).
-- Writes { ok, file, diagnostics = <the raw LSP diagnostics of the first non-empty publish>,
--   vim = <vim.diagnostic.get>, fix = { diagnostic, title, text = <buffer after the quick fix>,
--   diagnostics = <the publish for the edited version> } }.
local target, out = os.getenv('TARGET'), os.getenv('DIAG_OUT')
local cmd = vim.fn.json_decode(os.getenv('SERVER_CMD_JSON') or '[]')
local wait_ms = tonumber(os.getenv('WAIT_MS') or '20000')

local function finish(res, ok)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(res))
  f:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq!') end
end

vim.cmd('edit ' .. vim.fn.fnameescape(target))
vim.bo.filetype = 'kehoach'
local buf = vim.api.nvim_get_current_buf()
local raw, latest, latest_version, publishes, exited, log = nil, nil, nil, 0, nil, {}

local id = vim.lsp.start_client({
  name = 'kehoach',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(target, ':p:h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result and vim.uri_to_bufnr(result.uri) == buf then
        publishes = publishes + 1
        latest, latest_version = result.diagnostics, result.version
        if raw == nil or #raw == 0 then raw = result.diagnostics end
      end
    end,
    ['window/logMessage'] = function(_, result) table.insert(log, result and result.message or '') end,
  },
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})
if not id then finish({ ok = false, file = target, error = 'start_client failed', cmd = cmd }, false) return end
vim.lsp.buf_attach_client(buf, id)

-- A plan always has findings here; an empty first publish (e.g. a clear on open) is not the answer.
local ok = vim.wait(wait_ms, function() return (raw ~= nil and #raw > 0) or exited ~= nil end, 20)
ok = ok and raw ~= nil and #raw > 0

-- A quick fix through this client: the first finding with a preferred quick fix, applied as
-- Neovim applies workspace edits (UTF-16 offsets), then the publish for the edited text.
local fix = nil
if ok then
  for _, d in ipairs(raw) do
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = d.range,
      context = { diagnostics = { d }, only = { 'quickfix' } } }
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
    local actions = (resp[id] or {}).result or {}
    for _, a in ipairs(actions) do
      if a.isPreferred and a.edit then fix = { diagnostic = d, title = a.title, edit = a.edit } break end
    end
    if fix then break end
  end
  if fix then
    local before = publishes
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    fix.edit = nil
    fix.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    local want_version = vim.lsp.util.buf_versions[buf]
    fix.published = vim.wait(wait_ms, function()
      return publishes > before and (latest_version == nil or latest_version == want_version)
    end, 20)
    fix.diagnostics = latest or {}
    fix.version = latest_version
  end
end

local mine = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(mine, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, code = d.code, source = d.source, message = d.message })
end
local client = vim.lsp.get_client_by_id(id)
local caps = client and client.server_capabilities or vim.empty_dict()
local res = { ok = ok, file = target, publishes = publishes, diagnostics = raw or {}, vim = mine, exited = exited,
  log = log, codeActionProvider = caps.codeActionProvider ~= nil, fix = fix or vim.NIL }
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.client_is_stopped(id) end, 20)
finish(res, true)
