/** The plan the check-in and import tests record on. */
export const PLAN = `unit house "houses"
unit m2 "m²"

team Plasterers { headcount 3 }

objective Deliver {
  keyresult Houses {
    target 10 house per month
    via Construction
    actual 2026-01 9
  }
  keyresult Brand "Be known"
}

process Construction {
  stage Plastering { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}

kpi PlasterRate "Plastered wall per plasterer per day" {
  of Construction.Plastering
  per person per day
  target 30
  actual 2026-01 28 // from the site log
}
`;
