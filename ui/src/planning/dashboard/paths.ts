/** The child's discharge plan page (the plan screens' route). */
export const planPath = (childId: string) => `/cases/${encodeURIComponent(childId)}/plan`;
