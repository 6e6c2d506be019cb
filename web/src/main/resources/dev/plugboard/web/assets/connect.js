// The connect page's script. Every check is the server's (the host's own format phase); this only
// sends what is typed, shows the answers, and reads the verification's events as they arrive.
'use strict';

(function () {
  const main = document.getElementById('main');
  if (!main || main.dataset.page !== 'connector') {
    return;
  }
  const address = main.dataset.address;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const form = document.getElementById('connect-form');
  const fields = Array.from(form.querySelectorAll('.field[data-field]'));
  const nameInput = document.getElementById('connection-name');
  const verifyButton = document.getElementById('verify');
  const connectButton = document.getElementById('connect');
  const results = document.getElementById('results');
  const outcome = document.getElementById('outcome');
  const phases = document.getElementById('phases');
  const problems = document.getElementById('problems');
  const reportBox = document.getElementById('report');
  const fromFile = new Set();
  const touched = new Set();
  let running = false;

  const SCOPE_WORDS = {
    granted: 'Granted',
    missing: 'Missing',
    inconclusive: 'Could not be checked',
    skipped: 'Not checked',
    waiting: 'Waiting',
    checking: 'Checking…'
  };
  const PHASE_WORDS = { passed: 'passed', failed: 'failed', inconclusive: 'could not be checked', skipped: 'not run' };

  function fieldNamed(id) {
    return fields.find(function (f) { return f.dataset.field === id; });
  }

  function inputOf(field) {
    return field.querySelector('input');
  }

  function values() {
    const out = {};
    fields.forEach(function (field) {
      const input = inputOf(field);
      if (input.value !== '') {
        out[field.dataset.field] = input.value;
      }
    });
    return out;
  }

  function payload(extra) {
    return JSON.stringify(Object.assign({ values: values(), fromFile: Array.from(fromFile) }, extra || {}));
  }

  function post(path, body, type) {
    return fetch(address + '/' + path, {
      method: 'POST',
      headers: { 'Content-Type': type || 'application/json', 'X-CSRF-Token': csrf },
      body: body,
      credentials: 'same-origin',
      cache: 'no-store'
    });
  }

  async function answerOf(response) {
    try {
      return await response.json();
    } catch (e) {
      return { error: 'The server gave an answer this page cannot read (HTTP ' + response.status + ').' };
    }
  }

  function showCheck(check) {
    const field = fieldNamed(check.id);
    if (!field) {
      return;
    }
    const input = inputOf(field);
    const message = field.querySelector('.message');
    if (check.cleaned !== undefined && field.dataset.secret !== 'true') {
      input.value = check.cleaned;
    }
    field.classList.remove('invalid', 'ok', 'missing');
    field.classList.add(check.status);
    input.setAttribute('aria-invalid', check.status === 'ok' ? 'false' : 'true');
    message.textContent = check.message || (check.status === 'ok' ? 'Looks right.' : '');
  }

  async function checkFields() {
    const response = await post('check', payload());
    const answer = await answerOf(response);
    if (answer.error) {
      outcome.textContent = answer.error;
      return;
    }
    answer.fields.forEach(function (check) {
      if (touched.has(check.id)) {
        showCheck(check);
      }
    });
  }

  fields.forEach(function (field) {
    const input = inputOf(field);
    input.addEventListener('blur', function () {
      if (input.value !== '' || fromFile.has(field.dataset.field) || touched.has(field.dataset.field)) {
        touched.add(field.dataset.field);
        checkFields();
      }
    });
    input.addEventListener('input', function () {
      if (fromFile.delete(field.dataset.field)) {
        field.classList.remove('from-file');
        input.placeholder = '';
      }
    });
    const reveal = field.querySelector('.reveal');
    if (reveal) {
      reveal.addEventListener('click', function () {
        const shown = input.type === 'text';
        input.type = shown ? 'password' : 'text';
        reveal.textContent = shown ? 'Show' : 'Hide';
        reveal.setAttribute('aria-pressed', shown ? 'false' : 'true');
        reveal.setAttribute('aria-label', (shown ? 'Show ' : 'Hide ') + field.querySelector('label').textContent);
      });
    }
  });

  // The credentials file: read by the server with the host's reader; secrets stay there.
  const dropzone = document.getElementById('dropzone');
  if (dropzone) {
    const picker = document.getElementById('credentials-file');
    const fileMessage = document.getElementById('file-message');
    const sendFile = async function (file) {
      if (!file) {
        return;
      }
      if (file.size > 64 * 1024) {
        fileMessage.textContent = file.name + ' is larger than 64 KiB; the credentials file holds a few lines. Check that the right file was chosen.';
        return;
      }
      fileMessage.textContent = 'Reading ' + file.name + '…';
      const answer = await answerOf(await post('credentials-file', file, 'text/plain'));
      if (answer.error) {
        dropzone.classList.add('invalid');
        fileMessage.textContent = answer.error;
        return;
      }
      dropzone.classList.remove('invalid');
      answer.filled.forEach(function (filled) {
        const field = fieldNamed(filled.id);
        const input = inputOf(field);
        touched.add(filled.id);
        if (filled.secret) {
          input.value = '';
          input.placeholder = 'Filled from the file (hidden)';
          field.classList.add('from-file');
          fromFile.add(filled.id);
        } else {
          input.value = filled.value;
        }
      });
      answer.fields.forEach(function (check) {
        if (touched.has(check.id)) {
          showCheck(check);
        }
      });
      fileMessage.textContent = answer.message;
    };
    ['dragenter', 'dragover'].forEach(function (type) {
      dropzone.addEventListener(type, function (event) {
        event.preventDefault();
        dropzone.classList.add('over');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      dropzone.addEventListener(type, function () { dropzone.classList.remove('over'); });
    });
    dropzone.addEventListener('drop', function (event) {
      event.preventDefault();
      sendFile(event.dataTransfer.files[0]);
    });
    picker.addEventListener('change', function () {
      sendFile(picker.files[0]);
      picker.value = '';
    });
  }

  function stepLink(step) {
    const link = document.createElement('a');
    link.href = '#step-' + step.id;
    link.textContent = 'Go to step ' + step.number;
    link.setAttribute('aria-label', 'Go to step ' + step.number + ', ' + step.title);
    return link;
  }

  function resetResults() {
    results.hidden = false;
    phases.textContent = '';
    problems.textContent = '';
    if (reportBox) {
      reportBox.textContent = '';
      reportBox.closest('details').hidden = true;
    }
    document.querySelectorAll('#scopes .scope').forEach(function (item) {
      item.className = 'scope waiting';
      item.querySelector('.scope-status').textContent = SCOPE_WORDS.waiting;
      const remediation = item.querySelector('.remediation');
      remediation.textContent = '';
      remediation.hidden = true;
    });
  }

  function onScope(scope) {
    const item = document.querySelector('#scopes .scope[data-scope="' + CSS.escape(scope.id) + '"]');
    if (!item) {
      return;
    }
    item.className = 'scope ' + scope.status;
    item.querySelector('.scope-status').textContent = SCOPE_WORDS[scope.status] || scope.status;
    const remediation = item.querySelector('.remediation');
    remediation.textContent = '';
    if (scope.remediation) {
      remediation.append(scope.remediation + ' ');
      if (scope.step) {
        remediation.append(stepLink(scope.step));
      }
      remediation.hidden = false;
    }
  }

  function onPhase(phase) {
    // A phase told again (the report changed a provisional answer) replaces its first telling.
    let item = phases.querySelector('li[data-phase="' + CSS.escape(phase.phase) + '"]');
    if (!item) {
      item = document.createElement('li');
      item.dataset.phase = phase.phase;
      phases.append(item);
    }
    item.textContent = '';
    item.className = 'phase ' + phase.status;
    const title = document.createElement('strong');
    title.textContent = phase.title + ': ' + (PHASE_WORDS[phase.status] || phase.status);
    item.append(title);
    if (phase.message) {
      item.append(' — ' + phase.message);
    }
  }

  function onSummary(summary) {
    const words = {
      verified: 'Verified: every permission is granted.',
      failed: 'Not verified: see what to change below.',
      invalid: 'Some values are not right yet: see the messages next to the fields. Nothing was sent.',
      inconclusive: 'Could not finish checking: the platform did not answer in time. Try again in a moment.'
    };
    outcome.className = 'outcome ' + summary.status;
    outcome.textContent = words[summary.status] || summary.status;
    summary.problems.concat(summary.warnings).forEach(function (problem) {
      const item = document.createElement('li');
      item.append(problem.message + ' ' + problem.remediation + ' ');
      if (problem.step) {
        item.append(stepLink(problem.step));
      }
      problems.append(item);
    });
  }

  function onReport(report) {
    report.fields.forEach(function (check) {
      if (check.status !== 'ok' || touched.has(check.id)) {
        touched.add(check.id);
        showCheck(check);
      }
    });
    if (reportBox) {
      reportBox.textContent = JSON.stringify(report, null, 2);
      reportBox.closest('details').hidden = false;
    }
  }

  function onConnected(connected) {
    outcome.className = 'outcome connected';
    outcome.textContent = 'Connected to ' + (connected.account || connected.name) + '. It is kept as ' + connected.name + '.';
    form.classList.add('done');
  }

  const HANDLERS = {
    started: function () {
      document.querySelectorAll('#scopes .scope').forEach(function (item) {
        item.className = 'scope checking';
        item.querySelector('.scope-status').textContent = SCOPE_WORDS.checking;
      });
    },
    phase: onPhase,
    scope: onScope,
    summary: onSummary,
    report: onReport,
    connected: onConnected,
    failure: function (failure) {
      outcome.className = 'outcome failed';
      outcome.textContent = failure.message;
    }
  };

  function dispatch(block) {
    let event = 'message';
    const data = [];
    block.split('\n').forEach(function (line) {
      if (line.startsWith('event: ')) {
        event = line.slice(7);
      } else if (line.startsWith('data: ')) {
        data.push(line.slice(6));
      }
    });
    if (data.length > 0 && HANDLERS[event]) {
      HANDLERS[event](JSON.parse(data.join('\n')));
    }
  }

  async function run(kind) {
    if (running) {
      return;
    }
    running = true;
    verifyButton.disabled = true;
    connectButton.disabled = true;
    resetResults();
    outcome.className = 'outcome checking';
    outcome.textContent = kind === 'connect' ? 'Verifying, then connecting…' : 'Verifying…';
    try {
      const extra = kind === 'connect' && nameInput ? { name: nameInput.value } : {};
      const response = await post(kind, payload(extra));
      if (!response.ok) {
        const answer = await answerOf(response);
        outcome.className = 'outcome failed';
        outcome.textContent = answer.error;
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) {
          break;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      outcome.className = 'outcome failed';
      outcome.textContent = 'The connection to the server was lost before the check finished. Try again.';
    } finally {
      running = false;
      verifyButton.disabled = false;
      connectButton.disabled = false;
      outcome.focus();
    }
  }

  verifyButton.addEventListener('click', function () { run('verify'); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run('connect');
  });
})();
