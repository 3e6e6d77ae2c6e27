// The registration form: choosing a channel type opens what earlier pilots of that type learned.
(function () {
  var select = document.getElementById('f-channelType');
  if (!select) return;
  select.addEventListener('change', function () {
    document.querySelectorAll('[data-lessons-for]').forEach(function (group) {
      group.open = group.getAttribute('data-lessons-for') === select.value;
    });
  });
})();
