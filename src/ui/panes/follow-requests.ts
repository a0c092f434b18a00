// Follow requests answered in this session, so the notification row shows the outcome.
const answered = new Map<string, "accepted" | "rejected">();

export function markAnswered(notificationId: string, answer: "accepted" | "rejected"): void {
  answered.set(notificationId, answer);
}

export function answeredRequest(notificationId: string): "accepted" | "rejected" | undefined {
  return answered.get(notificationId);
}
