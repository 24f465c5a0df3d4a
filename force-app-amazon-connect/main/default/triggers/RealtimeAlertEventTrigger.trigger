trigger RealtimeAlertEventTrigger on RealtimeAlertEvent(after insert) {
    new RealtimeAlertEventTriggerHandler().run();
}
