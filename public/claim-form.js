// Progressive enhancement of the claim form. Without this file everything still works through the server:
// the damage buttons post the form and come back with a row more or less, every field is shown, no live estimate.
(function () {
  'use strict';

  var form = document.getElementById('claim-form');
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
  if (!form) return;

  // --- Fields shown only when they apply ---------------------------------------------------------------------------
  function selectedValue(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : '';
  }

  function updateConditionalFields() {
    var type = selectedValue('account.type');
    form.querySelectorAll('[data-show-for]').forEach(function (block) {
      block.hidden = block.getAttribute('data-show-for').split(' ').indexOf(type) === -1;
    });
    form.querySelectorAll('[data-show-when-checked]').forEach(function (block) {
      var box = document.getElementById(block.getAttribute('data-show-when-checked'));
      block.hidden = !(box && box.checked);
    });
  }

  // --- The plan's yearly fee filled in when a plan is picked (unless the person typed their own) ------------------
  var planSelect = form.elements.namedItem('account.plan');
  var feeInput = form.elements.namedItem('account.annualFee');

  function fillPlanFee() {
    if (!planSelect || !feeInput) return;
    var option = planSelect.options[planSelect.selectedIndex];
    var fee = option ? option.getAttribute('data-fee') || '' : '';
    var typedByPerson = feeInput.value !== '' && feeInput.value !== feeInput.getAttribute('data-filled');
    if (typedByPerson) return;
    feeInput.value = fee;
    feeInput.setAttribute('data-filled', fee);
  }

  function limitPlansToProvider() {
    if (!planSelect) return;
    var provider = selectedValue('account.provider');
    Array.prototype.forEach.call(planSelect.options, function (option) {
      var providers = option.getAttribute('data-providers');
      var other = Boolean(provider && providers && providers.split(' ').indexOf(provider) === -1);
      option.disabled = other;
      option.hidden = other;
    });
    if (planSelect.selectedIndex > 0 && planSelect.options[planSelect.selectedIndex].disabled) {
      planSelect.selectedIndex = 0;
      fillPlanFee();
    }
  }

  // --- Damage rows -------------------------------------------------------------------------------------------------
  var rowsBox = form.querySelector('[data-damage-rows]');
  var addButton = form.querySelector('[data-action="add-damage"]');
  var maxRows = Number(rowsBox.getAttribute('data-max-rows')) || 20;

  function rows() {
    return Array.prototype.slice.call(rowsBox.querySelectorAll('[data-damage-row]'));
  }

  function renumber(row, index) {
    var number = String(index + 1);
    row.querySelectorAll('[name],[id],[for],[aria-describedby]').forEach(function (element) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value === null) return;
        element.setAttribute(
          attribute,
          value
            .replace(/damages\.\d+\./g, 'damages.' + index + '.')
            .replace(/f-damages-\d+-/g, 'f-damages-' + index + '-'),
        );
      });
    });
    row.querySelector('legend').textContent = rowsBox.getAttribute('data-row-legend').replace('{number}', number);
    var remove = row.querySelector('[data-action="remove-damage"]');
    remove.value = 'remove-damage:' + index;
    remove.textContent = rowsBox.getAttribute('data-remove-label').replace('{number}', number);
  }

  function refreshRows() {
    var all = rows();
    all.forEach(function (row, index) {
      renumber(row, index);
      row.querySelector('[data-action="remove-damage"]').parentNode.hidden = all.length === 1;
    });
    if (addButton) addButton.parentNode.hidden = all.length >= maxRows;
  }

  function blankRow() {
    var row = rows()[0].cloneNode(true);
    row.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      input.removeAttribute('aria-invalid');
      input.classList.remove('input--error');
    });
    row.querySelectorAll('select').forEach(function (select) {
      select.selectedIndex = 0;
      select.removeAttribute('aria-invalid');
      select.classList.remove('select--error');
    });
    row.querySelectorAll('.field-error').forEach(function (message) {
      message.parentNode.removeChild(message);
    });
    row.querySelectorAll('.field--error').forEach(function (field) {
      field.classList.remove('field--error');
    });
    row.querySelectorAll('[aria-describedby]').forEach(function (element) {
      var ids = element
        .getAttribute('aria-describedby')
        .split(' ')
        .filter(function (id) {
          return !/-error$/.test(id);
        });
      if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
      else element.removeAttribute('aria-describedby');
    });
    return row;
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-action]') : null;
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'add-damage') {
      event.preventDefault();
      if (rows().length >= maxRows) return;
      var row = blankRow();
      rowsBox.appendChild(row);
      refreshRows();
      row.querySelector('select').focus();
      scheduleEstimate();
    } else if (action === 'remove-damage') {
      event.preventDefault();
      var current = button.closest('[data-damage-row]');
      var all = rows();
      var index = all.indexOf(current);
      if (all.length > 1) rowsBox.removeChild(current);
      refreshRows();
      var next = rows()[Math.min(index, rows().length - 1)];
      if (next) next.querySelector('select').focus();
      scheduleEstimate();
    }
  });

  // --- Live estimate (POST /claim/estimate) -------------------------------------------------------------------------
  // The form's own fields are posted, without those that say who the person is (name, tax code, contacts, address,
  // mailbox, company) and the free texts: the server maps the form to a claim as it does for the result page.
  var estimate = document.getElementById('estimate');
  var estimateText = document.getElementById('estimate-text');
  var language = document.documentElement.lang === 'en' ? 'en' : 'it';
  var timer = null;
  var sequence = 0;
  // Who the person is, their references and account to be paid into, and every free text never leave for an estimate.
  var PRIVATE_TEXT = /\.description$|^payment\.|^previousComplaints\./;
  var PRIVATE_FIELD = /^(claimant\.|account\.(mailbox|companyName|vatNumber|customerNumber)$|letter\.place$)/;

  function estimateBody() {
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && !PRIVATE_FIELD.test(name) && !PRIVATE_TEXT.test(name) && name !== 'intent')
        body.append(name, value);
    });
    return body;
  }

  function show(text) {
    estimate.hidden = false;
    estimateText.textContent = text;
  }

  function runEstimate() {
    var mine = ++sequence;
    fetch('/claim/estimate?lang=' + language, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: estimateBody(),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .then(function (answer) {
        if (mine !== sequence) return;
        if (answer.status !== 200) show(estimate.getAttribute('data-incomplete'));
        else if (!answer.body.eligible) show(estimate.getAttribute('data-not-eligible'));
        else show(estimate.getAttribute('data-total').replace('{total}', answer.body.total));
        estimate.setAttribute(
          'data-state',
          answer.status === 200 ? (answer.body.eligible ? 'total' : 'not-eligible') : 'incomplete',
        );
      })
      .catch(function () {
        if (mine === sequence) estimate.hidden = true;
      });
  }

  function scheduleEstimate() {
    if (!estimate) return;
    clearTimeout(timer);
    timer = setTimeout(runEstimate, 350);
  }

  form.addEventListener('change', function (event) {
    if (event.target === planSelect) fillPlanFee();
    if (event.target.name === 'account.provider') limitPlansToProvider();
    updateConditionalFields();
    scheduleEstimate();
  });
  form.addEventListener('input', scheduleEstimate);

  updateConditionalFields();
  limitPlansToProvider();
  refreshRows();
  // A form that comes back filled in (errors, "change your answers") shows its estimate at once.
  if (selectedValue('account.provider') && form.querySelector('input[name="incidents"]:checked')) scheduleEstimate();
})();
